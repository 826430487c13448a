#include "ApplyBar.h"

#include "AppIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

ApplyBar::ApplyBar(QWidget *parent)
    : QWidget(parent), m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_revert(new QPushButton(this)), m_apply(new QPushButton(this))
{
    m_status->setObjectName(QStringLiteral("applyStatus"));
    m_status->setWordWrap(true); // a long status takes a second line, never a wider window
    m_progress->setRange(0, 0);  // busy: the server does not report progress
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->setObjectName(QStringLiteral("applyBusy"));
    m_progress->setVisible(false);
    // A bar that flashes for the few milliseconds a quick server takes is noise; the status line
    // says at once what is going on, and the bar joins it once the wait is long enough to notice.
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(kBusyDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, m_progress, &QWidget::show);
    m_revert->setObjectName(QStringLiteral("revertAll"));
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setDefault(true);
    m_revert->setIcon(AppIcons::revert());
    m_apply->setIcon(AppIcons::apply());

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_revert);
    layout->addWidget(m_apply);
    connect(m_apply, &QPushButton::clicked, this, &ApplyBar::applyRequested);
    connect(m_revert, &QPushButton::clicked, this, &ApplyBar::revertRequested);
    retranslateUi();
}

bool ApplyBar::canApply() const
{
    return m_state.loaded && m_state.pending > 0 && !m_state.applying;
}

void ApplyBar::setState(const State &state)
{
    m_state = state;
    retranslateUi();
}

void ApplyBar::retranslateUi()
{
    const State &s = m_state;
    m_apply->setText(s.pending > 0 ? tr("Apply %n change(s) to %1", nullptr, s.pending).arg(s.server)
                                   : tr("Apply"));
    m_apply->setToolTip(tr("Send the changed fields to %1 (Ctrl+S)").arg(s.server));
    m_apply->setEnabled(canApply());
    m_revert->setText(tr("Revert all"));
    m_revert->setToolTip(tr("Put back the values the server has for every changed field"));
    m_revert->setEnabled(s.changed > 0);
    const bool busy = s.loading || s.applying;
    if (!busy) {
        m_busyDelay.stop();
        m_progress->hide();
    } else if (m_progress->isHidden() && !m_busyDelay.isActive()) {
        m_busyDelay.start();
    }
    // While busy the bar's place is kept: the status line moves with its text, never later.
    QSizePolicy policy = m_progress->sizePolicy();
    if (policy.retainSizeWhenHidden() != busy) {
        policy.setRetainSizeWhenHidden(busy);
        m_progress->setSizePolicy(policy);
    }

    QString status;
    if (s.applying)
        status = s.pending > 0
                     ? tr("Applying to %1… %n more change(s) wait for the next Apply.", nullptr, s.pending)
                           .arg(s.server)
                     : tr("Applying to %1…").arg(s.server);
    else if (s.loading)
        status = tr("Loading settings from %1…").arg(s.server);
    else if (!s.loaded)
        status = tr("No settings loaded.");
    else if (s.pending > 0)
        status = tr("%n unsaved change(s).", nullptr, s.pending);
    else if (s.unreadable.isEmpty())
        status = tr("All settings are saved on %1.").arg(s.server);
    if (s.loaded && !s.loading && !s.applying) {
        const QString separator = tr(", ");
        QStringList sentences{status};
        if (!s.notApplied.isEmpty())
            sentences << tr("%1 did not apply %n change(s): %2.", nullptr, int(s.notApplied.size()))
                             .arg(s.server, s.notApplied.join(separator));
        if (!s.unreadable.isEmpty())
            sentences << tr("%n setting(s) could not be read: %1.", nullptr, int(s.unreadable.size()))
                             .arg(s.unreadable.join(separator));
        if (!s.serverChanged.isEmpty())
            sentences << tr("%n setting(s) changed on the server since they were loaded: %1.", nullptr,
                            int(s.serverChanged.size()))
                             .arg(s.serverChanged.join(separator));
        sentences.removeAll(QString());
        status = sentences.join(QLatin1Char(' '));
    }
    m_status->setText(status);
    m_progress->setAccessibleName(status);
}

void ApplyBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
