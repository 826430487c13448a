#include "NoticeBanner.h"

#include <QAccessible>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

NoticeBanner::NoticeBanner(Kind kind, QWidget *parent)
    : QFrame(parent), m_kind(kind), m_icon(new QLabel(this)), m_title(new QLabel(this)),
      m_message(new QLabel(this)), m_action(new QPushButton(this)), m_dismiss(new QPushButton(this))
{
    setObjectName(kind == Kind::Error ? QStringLiteral("errorBanner") : QStringLiteral("noticeBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon->setFixedSize(24, 24);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_icon->setObjectName(QStringLiteral("bannerIcon"));
    m_title->setObjectName(QStringLiteral("bannerTitle"));
    m_message->setObjectName(QStringLiteral("bannerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("bannerAction"));

    connect(m_action, &QPushButton::clicked, this, &NoticeBanner::actionTriggered);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });
    applyColours();
    retranslateUi();
    setVisible(false);
}

// Laid out, and its icon read, when it first shows: most starts never show a banner, and a hidden
// widget with a layout is still laid out (its texts measured, in a bold font nothing else on
// screen uses) when the window is first shown or grabbed.
void NoticeBanner::layOut()
{
    const auto icon =
        m_kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_message);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);
}

void NoticeBanner::showTexts(TextSource texts, Attention attention)
{
    if (!layout())
        layOut();
    m_texts = std::move(texts);
    updateTexts();
    setVisible(true);
    Q_EMIT roomChanged();
    if (attention == Attention::TakeFocus && isVisible())
        firstButton()->setFocus(Qt::OtherFocusReason);
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QPushButton *NoticeBanner::firstButton() const
{
    return m_action->isVisibleTo(this) ? m_action : m_dismiss;
}

void NoticeBanner::showMessage(const QString &title, const QString &message, const QString &actionText)
{
    showTexts([title, message, actionText] { return Texts{title, message, actionText}; });
}

void NoticeBanner::updateTexts()
{
    if (!m_texts)
        return;
    const Texts texts = m_texts();
    m_title->setText(texts.title);
    m_message->setText(texts.message);
    m_action->setText(texts.actionText);
    m_action->setVisible(!texts.actionText.isEmpty());
    setAccessibleName(texts.title);
    setAccessibleDescription(texts.message);
}

void NoticeBanner::clear()
{
    const bool wasShown = !isHidden();
    m_texts = nullptr;
    m_title->clear();
    m_message->clear();
    setVisible(false);
    if (wasShown)
        Q_EMIT roomChanged();
}

QString NoticeBanner::title() const
{
    return m_title->text();
}

QString NoticeBanner::message() const
{
    return m_message->text();
}

// Tinted from the current palette so the text stays readable in light and dark themes.
void NoticeBanner::applyColours()
{
    if (m_recolouring)
        return;
    m_recolouring = true;
    // The window's palette, not our own: ours already carries the previous tint.
    QPalette pal = parentWidget() ? parentWidget()->palette() : QGuiApplication::palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor tint = m_kind == Kind::Error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x19, 0x76, 0xd2);
    const QColor base = pal.color(QPalette::Window);
    const qreal share = dark ? 0.35 : 0.15;
    const QColor mixed = QColor::fromRgbF(base.redF() * (1 - share) + tint.redF() * share,
                                          base.greenF() * (1 - share) + tint.greenF() * share,
                                          base.blueF() * (1 - share) + tint.blueF() * share);
    pal.setColor(QPalette::Window, mixed);
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Text));
    setPalette(pal);
    m_recolouring = false;
}

void NoticeBanner::retranslateUi()
{
    m_dismiss->setText(tr("Dismiss"));
    updateTexts();
}

void NoticeBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
        applyColours();
    QFrame::changeEvent(event);
}
