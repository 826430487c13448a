#pragma once

#include <QFrame>
#include <functional>

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

    struct Texts
    {
        QString title;
        QString message;
        QString actionText; // empty: no action button
    };
    // Called again on every LanguageChange, so a message shown stays in the UI's language.
    using TextSource = std::function<Texts()>;

    // Every banner that shows is announced to screen readers (an accessibility alert); one that
    // answers what the user just did also takes the keyboard focus to its first button.
    enum class Attention
    {
        Announce,
        TakeFocus
    };

    explicit NoticeBanner(Kind kind, QWidget *parent = nullptr);

    // The title says the kind in words (not colour alone).
    void showTexts(TextSource texts, Attention attention = Attention::Announce);
    // Fixed texts (already translated; not re-set on a language switch).
    void showMessage(const QString &title, const QString &message, const QString &actionText = {});
    void clear();
    QString title() const;
    QString message() const;
    QPushButton *actionButton() const { return m_action; }
    QPushButton *dismissButton() const { return m_dismiss; }
    QPushButton *firstButton() const; // the action button when there is one, else Dismiss

Q_SIGNALS:
    void actionTriggered();
    void dismissed();
    // Shown, given other texts, or gone: the room it takes may differ.
    void roomChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void layOut();
    void retranslateUi();
    void applyColours();
    void updateTexts();

    Kind m_kind;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_action;
    QPushButton *m_dismiss;
    TextSource m_texts;
    bool m_recolouring = false;
};
