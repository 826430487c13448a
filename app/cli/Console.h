#pragma once

#include <QString>

// The command line's terminal: data to stdout, messages to stderr, answers from stdin.
class Console
{
public:
    static void out(const QString &text); // a line of data
    static void err(const QString &text); // a line of message
    static bool stdinIsTerminal();
    // Prompts on stderr when stdin is a terminal; returns the line without its newline, or a
    // null string at end of input. `secret` turns echo off while typing.
    static QString readLine(const QString &prompt, bool secret = false);
};
