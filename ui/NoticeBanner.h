#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A message inside the window (not a modal box): an error with the server's words and Retry,
// or a notice with an offer (e.g. restoring unsent changes). Hidden while there is nothing to say.
class NoticeBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Error,
        Info
    };

    explicit NoticeBanner(Kind kind, QWidget *parent = nullptr);

    // `actionText` empty: no action button. The title says the kind in words (not colour alone).
    void showMessage(const QString &title, const QString &message, const QString &actionText = {});
    void clear();
    QString title() const;
    QString message() const;
    QPushButton *actionButton() const { return m_action; }
    QPushButton *dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyColours();

    Kind m_kind;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_action;
    QPushButton *m_dismiss;
    bool m_recolouring = false;
};
