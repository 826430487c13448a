#include "cli/Console.h"

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

void Console::out(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Console::err(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool Console::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

QString Console::readLine(const QString &prompt, bool secret)
{
    const bool terminal = stdinIsTerminal();
    if (terminal && !prompt.isEmpty()) {
        const QByteArray bytes = prompt.toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    }
    termios saved{};
    const bool hide = terminal && secret && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (hide) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    if (!any)
        return {};
    QString text = QString::fromStdString(line);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}
