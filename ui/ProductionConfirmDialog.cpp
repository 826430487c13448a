#include "ProductionConfirmDialog.h"

#include "settings/FieldTable.h"
#include "settings/SettingsModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

ProductionConfirmDialog::ProductionConfirmDialog(const ServerProfile &server, const SettingsModel &model,
                                                 QWidget *parent)
    : QDialog(parent), m_server(server), m_pending(pendingChanges(model)), m_intro(new QLabel(this)),
      m_changes(new QLabel(this)), m_dontAsk(new QCheckBox(this))
{
    setObjectName(QStringLiteral("productionConfirm"));
    m_intro->setWordWrap(true);
    m_changes->setObjectName(QStringLiteral("changeList"));
    m_changes->setTextFormat(Qt::PlainText);
    m_changes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dontAsk->setObjectName(QStringLiteral("dontAskAgain"));

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_apply->setObjectName(QStringLiteral("confirmApply"));
    // Enter must not send to Production by accident: the dialog opens on Cancel, the default.
    // A person who moves the focus to Apply and presses Enter means Apply (an auto-default
    // button takes Enter while it has the focus); Enter there used to cancel without a word.
    m_apply->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_changes);
    layout->addWidget(m_dontAsk);
    layout->addWidget(buttons);
    retranslateUi();
    m_cancel->setFocus(Qt::OtherFocusReason); // given when the dialog is shown
}

QList<ProductionConfirmDialog::Change> ProductionConfirmDialog::pendingChanges(const SettingsModel &model)
{
    QList<Change> changes;
    for (const QString &key : model.pendingKeys())
        changes.append({key, model.confirmedValue(key), model.value(key)});
    return changes;
}

QStringList ProductionConfirmDialog::describe(const QList<Change> &changes)
{
    QStringList lines;
    for (const Change &change : changes) {
        const FieldSpec *field = FieldTable::find(change.key);
        lines << tr("%1: %2 → %3")
                     .arg(FieldTable::label(*field), FieldTable::display(*field, change.from),
                          FieldTable::display(*field, change.to));
    }
    return lines;
}

QStringList ProductionConfirmDialog::describeChanges(const SettingsModel &model)
{
    return describe(pendingChanges(model));
}

bool ProductionConfirmDialog::dontAskAgain() const
{
    return m_dontAsk->isChecked();
}

void ProductionConfirmDialog::retranslateUi()
{
    const QString where = m_server.hasUrl() ? m_server.baseUrl.authority() : m_server.title();
    const int count = int(m_pending.size());
    if (m_server.isProduction()) {
        setWindowTitle(tr("Change Production?"));
        m_intro->setText(
            tr("These changes will be sent to PRODUCTION (%1) and affect a real account:").arg(where));
        m_apply->setText(tr("Apply %n change(s) to Production", nullptr, count));
    } else { // a custom server that confirms every change
        setWindowTitle(tr("Change %1?").arg(m_server.title()));
        m_intro->setText(tr("These changes will be sent to %1 (%2):").arg(m_server.title(), where));
        m_apply->setText(tr("Apply %n change(s) to %1", nullptr, count).arg(m_server.title()));
    }
    m_changes->setText(QStringLiteral("• ") + describe(m_pending).join(QStringLiteral("\n• ")));
    m_dontAsk->setText(tr("Don't ask again until I quit"));
}

void ProductionConfirmDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}
