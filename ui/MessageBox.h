#pragma once

#include <QMessageBox>
#include <optional>

class QDialog;

// Every modal question of the window goes through here, so tests can answer it without a
// nested event loop (as KeePassXC's MessageBox::setNextAnswer): a test sets the next answer,
// the next question returns it at once. Without one, the dialog is shown as usual.
class MessageBox
{
public:
    // The answer the next ask()/exec() returns instead of showing the dialog. For exec() use
    // QDialog::Accepted / QDialog::Rejected.
    static void setNextAnswer(int answer);
    static void clearNextAnswer();

    // Apply / Discard / Cancel about unsaved changes; returns the button pressed. With `keepText`,
    // also a button of that name that keeps the changes for later: it returns QMessageBox::Save.
    static QMessageBox::StandardButton askUnsaved(QWidget *parent, const QString &title, const QString &text,
                                                  const QString &keepText = {});
    static QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                           const QString &text, QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton);
    // Runs a custom dialog modally (or returns the next answer).
    static int exec(QDialog *dialog);

private:
    static std::optional<int> takeNextAnswer();
    static std::optional<int> s_nextAnswer;
};
