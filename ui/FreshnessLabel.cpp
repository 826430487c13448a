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
    const QDateTime updated = m_model->updatedAt();
    setText(updated.isValid()
                ? tr("Last changed on the server: %1. Loaded at %2.")
                      .arg(locale.toString(updated.toLocalTime(), QLocale::LongFormat), loadedText)
                : tr("Loaded at %1.").arg(loadedText));
    setVisible(true);
}

void FreshnessLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}
