#include "AboutDialog.h"

#include "servers/AppSettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

// Outside any namespace, as Q_INIT_RESOURCE requires; keeps the licence in a static link.
static void initAboutResource()
{
    Q_INIT_RESOURCE(about);
}

namespace {
QString licenceText()
{
    initAboutResource();
    QFile file(QStringLiteral(":/about/LICENSE"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The file is wrapped for a terminal; the dialog wraps paragraphs at its own width.
    QStringList paragraphs = QString::fromUtf8(file.readAll()).trimmed().split(QStringLiteral("\n\n"));
    for (QString &paragraph : paragraphs)
        paragraph.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return paragraphs.join(QStringLiteral("\n\n"));
}
} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_licence(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Allmine Settings"));
    const QString settingsFile = QDir::toNativeSeparators(AppSettings::open()->fileName());
    const QString text =
        QStringLiteral("<h3>%1</h3><p>%2</p><p>%3<br>%4</p><p>%5</p><p>%6</p><p>%7</p>")
            .arg(tr("Allmine Settings %1").arg(QStringLiteral(ALLMINE_VERSION)),
                 tr("Manage your Allmine notification, visibility and language settings."),
                 tr("Qt %1 (built with %2)")
                     .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
                 tr("QtKeychain %1 (at build time)").arg(QStringLiteral(ALLMINE_QTKEYCHAIN_VERSION)),
                 tr("Your settings for this app (servers, language, unsent changes) are kept in %1.")
                     .arg(QStringLiteral("<nobr>%1</nobr>").arg(settingsFile.toHtmlEscaped())),
                 tr("Sign-in tokens are kept in the system keychain (on Linux, the Secret Service: GNOME "
                    "Keyring or KWallet), never in that file."),
                 tr("Released under the MIT License:"));
    m_summary->setObjectName(QStringLiteral("aboutSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(text);
    m_licence->setObjectName(QStringLiteral("aboutLicence"));
    m_licence->setReadOnly(true);
    m_licence->setPlainText(licenceText());
    m_licence->setAccessibleName(tr("Licence"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_licence, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 32);
}
