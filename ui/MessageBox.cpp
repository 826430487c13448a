#include "MessageBox.h"

#include <QDialog>
#include <QPushButton>

std::optional<int> MessageBox::s_nextAnswer;

void MessageBox::setNextAnswer(int answer)
{
    s_nextAnswer = answer;
}

void MessageBox::clearNextAnswer()
{
    s_nextAnswer.reset();
}

std::optional<int> MessageBox::takeNextAnswer()
{
    std::optional<int> answer = s_nextAnswer;
    s_nextAnswer.reset();
    return answer;
}

QMessageBox::StandardButton MessageBox::askUnsaved(QWidget *parent, const QString &title, const QString &text,
                                                   const QString &keepText)
{
    if (const auto answer = takeNextAnswer())
        return QMessageBox::StandardButton(*answer);
    QMessageBox::StandardButtons buttons = QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel;
    if (!keepText.isEmpty())
        buttons |= QMessageBox::Save;
    QMessageBox box(QMessageBox::Warning, title, text, buttons, parent);
    if (!keepText.isEmpty())
        box.button(QMessageBox::Save)->setText(keepText);
    box.setDefaultButton(QMessageBox::Cancel);
    return QMessageBox::StandardButton(box.exec());
}

QMessageBox::StandardButton MessageBox::ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                            const QString &text, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton)
{
    if (const auto answer = takeNextAnswer())
        return QMessageBox::StandardButton(*answer);
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

int MessageBox::exec(QDialog *dialog)
{
    if (const auto answer = takeNextAnswer())
        return *answer;
    return dialog->exec();
}
