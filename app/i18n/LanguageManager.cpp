#include "i18n/LanguageManager.h"

#include "servers/AppSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {
const QString kChoiceKey = QStringLiteral("uiLanguage");
} // namespace

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    for (QTranslator *translator : {m_app.get(), m_qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("tr")};
}

QString LanguageManager::systemLanguage()
{
    // uiLanguages() follows LANGUAGE/LC_ALL/LC_MESSAGES/LANG on Unix, the user's choice elsewhere.
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (available().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString LanguageManager::preferredLanguage()
{
    const QString stored = AppSettings::open()->value(kChoiceKey).toString();
    return available().contains(stored) ? stored : systemLanguage();
}

void LanguageManager::storeChoice(const QString &code)
{
    AppSettings::store(kChoiceKey, code);
}

bool LanguageManager::apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    if (code == m_current)
        return true;
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/allmine_%1.qm").arg(code)))
        return false;
    auto qt = std::make_unique<QTranslator>();
    const bool haveQt =
        qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    for (QTranslator *old : {m_app.get(), m_qt.get()}) {
        if (old)
            QCoreApplication::removeTranslator(old);
    }
    m_app = std::move(app);
    m_qt = haveQt ? std::move(qt) : nullptr;
    // Dates, numbers and sizes in the UI language too (the system's own variant when it speaks
    // it, e.g. en_GB); set before the LanguageChange below, which re-renders them. By name, not
    // QLocale::system() itself: that takes its language from LANGUAGE but formats dates by
    // LC_TIME, which may be another language (LANGUAGE=tr with LC_ALL=C gives English dates).
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale(code).language() ? QLocale(system.name())
                                                                      : QLocale(code));
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    QCoreApplication::installTranslator(m_app.get());
    m_current = code;
    Q_EMIT languageChanged(code);
    return true;
}
