#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

// Help → About: the app's version, the Qt and QtKeychain it runs with, its licence (MIT), and
// where it keeps the user's settings and sign-in tokens.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    QLabel *summary() const { return m_summary; }
    QPlainTextEdit *licence() const { return m_licence; }

private:
    QLabel *m_summary;
    QPlainTextEdit *m_licence;
};
