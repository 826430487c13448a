#include "ServerBanner.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

ServerBanner::ServerBanner(QWidget *parent)
    : QFrame(parent), m_headline(new QLabel(this)), m_detail(new QLabel(this)),
      m_switchLabel(new QLabel(this)), m_switch(new QComboBox(this)), m_manage(new QPushButton(this)),
      m_paused(new QLabel(this)), m_resume(new QPushButton(this))
{
    setObjectName(QStringLiteral("serverBanner"));
    m_headline->setObjectName(QStringLiteral("serverHeadline"));
    m_detail->setObjectName(QStringLiteral("serverDetail"));
    m_detail->setWordWrap(true);
    m_switch->setObjectName(QStringLiteral("serverSwitch"));
    m_manage->setObjectName(QStringLiteral("manageServers"));
    m_switchLabel->setBuddy(m_switch);
    m_paused->setObjectName(QStringLiteral("confirmationsPaused"));
    m_paused->setWordWrap(true);
    m_resume->setObjectName(QStringLiteral("resumeConfirmations"));
    m_paused->hide();
    m_resume->hide();
    // White on the server's colour, whatever the palette (a dark one too).
    for (QLabel *label : {m_headline, m_detail, m_switchLabel, m_paused}) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, Qt::white);
        label->setPalette(palette);
    }

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_headline);
    texts->addWidget(m_detail);
    auto *paused = new QHBoxLayout;
    paused->addWidget(m_paused, 1);
    paused->addWidget(m_resume);
    texts->addLayout(paused);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addLayout(texts, 1);
    layout->addSpacing(layout->contentsMargins().left()); // the description never runs into "Server:"
    layout->addWidget(m_switchLabel);
    layout->addWidget(m_switch);
    layout->addWidget(m_manage);

    connect(m_switch, &QComboBox::activated, this, [this](int index) {
        const QString name = m_switch->itemData(index).toString();
        // The switch shows the active server until the window has switched (it may ask first).
        const QSignalBlocker blocker(m_switch);
        m_switch->setCurrentIndex(m_switch->findData(m_active.name));
        if (name != m_active.name)
            Q_EMIT serverChosen(name);
    });
    connect(m_manage, &QPushButton::clicked, this, &ServerBanner::manageServersRequested);
    connect(m_resume, &QPushButton::clicked, this, &ServerBanner::resumeConfirmationsRequested);
    retranslateUi();
}

QColor ServerBanner::backgroundFor(const ServerProfile &server)
{
    if (server.isProduction())
        return QColor(0xb0, 0x1c, 0x1c); // red
    if (server.name == QLatin1String("dev"))
        return QColor(0x00, 0x69, 0x5c); // teal
    return QColor(0x4a, 0x3f, 0x8c);     // indigo: any other server
}

void ServerBanner::setServers(const QList<ServerProfile> &servers, const ServerProfile &active)
{
    m_servers = servers;
    m_active = active;
    retranslateUi();
}

void ServerBanner::setConfirmationsPaused(bool paused)
{
    if (!paused && m_resume->hasFocus())
        m_switch->setFocus(); // the focus stays in the banner, not on a hidden button
    m_paused->setVisible(paused);
    m_resume->setVisible(paused);
}

void ServerBanner::retranslateUi()
{
    {
        const QSignalBlocker blocker(m_switch);
        // Sized to its first list when first shown; a later list (servers added or renamed, another
        // language), or any list once it may have been measured (polished: sized, or rendered
        // unshown), resizes it. Set only then: it builds the pop-up at once, which every start paid
        // for before anyone opened it.
        if (m_switch->count() > 0 || m_switch->testAttribute(Qt::WA_WState_Polished))
            m_switch->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_switch->clear();
        for (const ServerProfile &server : qAsConst(m_servers))
            m_switch->addItem(server.title(), server.name);
        m_switch->setCurrentIndex(m_switch->findData(m_active.name));
    }
    m_switchLabel->setText(tr("&Server:"));
    m_manage->setText(tr("Servers…"));
    m_manage->setToolTip(tr("Add servers or change their addresses"));
    m_paused->setText(tr("Confirmations are paused: Apply sends without asking until you quit."));
    m_resume->setText(tr("&Resume confirmations"));

    const QString host = m_active.hasUrl() ? m_active.baseUrl.authority() : tr("no address set");
    QString headline;
    QString detail;
    if (m_active.isProduction()) {
        // A custom server at Production's address is Production under another name.
        headline = m_active.name == QLatin1String("prod")
                       ? tr("PRODUCTION — %1").arg(host)
                       : tr("%1 — PRODUCTION — %2").arg(m_active.title(), host);
        detail = tr("Changes here affect real users.");
    } else if (m_active.name == QLatin1String("dev")) {
        headline = tr("Development — %1").arg(host);
        detail = tr("Test server: changes here do not affect real users.");
    } else {
        headline = tr("%1 — %2").arg(m_active.title(), host);
        detail = tr("Custom server.");
    }
    m_headline->setText(headline);
    m_detail->setText(detail);
    setAccessibleName(tr("Active server: %1").arg(headline));
    setAccessibleDescription(detail);

    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_headline->setFont(big);

    m_background = backgroundFor(m_active);
    update();
}

// Painted here rather than by a style sheet: a style sheet puts the banner and everything in it
// under Qt's style-sheet style, which parses, polishes and paints them more slowly.
void ServerBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_background);
    painter.drawRoundedRect(rect(), 4, 4);
}

void ServerBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}
