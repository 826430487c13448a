#include "FreshnessLabel.h"

#include "settings/SettingsModel.h"

#include <QEvent>
#include <QLocale>

FreshnessLabel::FreshnessLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("freshness"));
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setVisible(false);
}

void FreshnessLabel::setModel(const SettingsModel *model)
{
    m_model = model;
    refresh();
}

namespace {
// A time wraps as one word: "10:33" at the end of a line and "AM." alone on the next misread.
QString unbroken(QString text)
{
    return text.replace(QLatin1Char(' '), QChar::Nbsp);
}
} // namespace

void FreshnessLabel::refresh()
{
    if (!m_model || !m_model->isLoaded()) {
        clear();
        setVisible(false);
        return;
    }
    // QLocale() follows the UI language (LanguageManager makes it the default).
    const QLocale locale;
    const QDateTime loaded = m_model->loadedAt().toLocalTime();
    const QString loadedText = loaded.date() == QDate::currentDate()
                                   ? locale.toString(loaded.time(), QLocale::ShortFormat)
                                   : locale.toString(loaded, QLocale::ShortFormat);
    const QDateTime updated = m_model->updatedAt().toLocalTime();
    QString updatedText = locale.toString(updated, QLocale::LongFormat);
    const QString updatedTime = locale.toString(updated.time(), QLocale::LongFormat);
    updatedText.replace(updatedTime, unbroken(updatedTime));
    setText(updated.isValid()
                ? tr("Last changed on the server: %1. Loaded at %2.").arg(updatedText, unbroken(loadedText))
                : tr("Loaded at %1.").arg(unbroken(loadedText)));
    setVisible(true);
}

void FreshnessLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}
