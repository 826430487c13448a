#pragma once

#include <QObject>
#include <QStringList>
#include <memory>

class QTranslator;

// The app's user-interface language: English (the source) or Turkish. Installs the app's
// translation and Qt's own (qtbase_*), so standard buttons and dialogs follow; installing a
// translator sends LanguageChange to every widget, which re-sets its texts. No widget here, so
// the command line uses it too.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    static QStringList available(); // language codes with a translation: "en", "tr"
    // The system locale's language when there is a translation for it, else English.
    static QString systemLanguage();
    // The language the user chose in the window earlier, else the system's.
    static QString preferredLanguage();
    static void storeChoice(const QString &code);

    QString current() const { return m_current; }
    // Switches the running app to `code` (texts, and QLocale's default for dates and sizes);
    // false (nothing changes) for an unknown code.
    bool apply(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};
