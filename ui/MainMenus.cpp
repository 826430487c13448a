#include "MainMenus.h"

#include "AboutDialog.h"
#include "AccountPanel.h"
#include "AppIcons.h"
#include "MessageBox.h"
#include "i18n/LanguageManager.h"
#include "settings/FieldTable.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

MainMenus::MainMenus(QMenuBar *bar, const QString &language, QObject *parent)
    : QObject(parent), m_file(bar->addMenu(QString())), m_edit(bar->addMenu(QString())),
      m_view(bar->addMenu(QString())), m_account(bar->addMenu(QString())),
      m_languageMenu(bar->addMenu(QString())), m_help(bar->addMenu(QString())),
      m_languages(new QActionGroup(this))
{
    m_servers = m_file->addAction(QString());
    m_servers->setObjectName(QStringLiteral("serversAction"));
    m_file->addSeparator();
    m_export = m_file->addAction(QString());
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_import = m_file->addAction(QString());
    m_import->setObjectName(QStringLiteral("importAction"));
    m_file->addSeparator();
    m_quit = m_file->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);

    m_apply = m_edit->addAction(AppIcons::apply(), QString());
    m_apply->setObjectName(QStringLiteral("applyAction"));
    m_apply->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_Return),
                           QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_revert = m_edit->addAction(AppIcons::revert(), QString());

    m_requestLog = m_view->addAction(QString());
    m_requestLog->setObjectName(QStringLiteral("requestLogAction"));
    m_requestLog->setCheckable(true);
    m_requestLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_compare = m_view->addAction(QString());
    m_compare->setObjectName(QStringLiteral("compareAction"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));

    m_account->setObjectName(QStringLiteral("accountMenu"));
    m_signIn = m_account->addAction(QString());
    m_signIn->setObjectName(QStringLiteral("signInAction"));
    m_signOut = m_account->addAction(QString());
    m_signOut->setObjectName(QStringLiteral("signOutAction"));

    // Each language in its own name, so it can be found whatever the UI shows now.
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languages->setExclusive(true);
    for (const LanguageChoice &choice : FieldTable::languages()) {
        const QString code = QString::fromLatin1(choice.code);
        if (!LanguageManager::available().contains(code))
            continue;
        QAction *action = m_languageMenu->addAction(QString::fromUtf8(choice.name));
        action->setObjectName(QStringLiteral("language_") + code);
        action->setData(code);
        action->setCheckable(true);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { Q_EMIT languageChosen(code); });
    }
    checkLanguage(language);

    m_about = m_help->addAction(QString());
    m_about->setObjectName(QStringLiteral("aboutAction"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainMenus::showAbout);
    retranslateUi();
}

void MainMenus::showAbout()
{
    AboutDialog dialog(m_help->window());
    MessageBox::exec(&dialog);
}

void MainMenus::followAccount(AccountPanel *panel)
{
    m_accountPanel = panel;
    connect(m_signIn, &QAction::triggered, panel->signInButton(), &QPushButton::click);
    connect(m_signOut, &QAction::triggered, panel->signOutButton(), &QPushButton::click);
    updateAccount();
}

void MainMenus::updateAccount()
{
    const auto offered = [this](const QPushButton *button) {
        return button->isVisibleTo(m_accountPanel) && button->isEnabled();
    };
    m_signIn->setEnabled(offered(m_accountPanel->signInButton()));
    m_signOut->setEnabled(offered(m_accountPanel->signOutButton()));
}

QString MainMenus::languageName(const QString &code)
{
    for (const LanguageChoice &choice : FieldTable::languages()) {
        if (code == QLatin1String(choice.code))
            return QString::fromUtf8(choice.name);
    }
    return code;
}

void MainMenus::checkLanguage(const QString &code)
{
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == code);
}

// In the main window's translation context: the menus are the window's.
void MainMenus::retranslateUi()
{
    m_file->setTitle(QCoreApplication::translate("MainWindow", "&File"));
    m_servers->setText(QCoreApplication::translate("MainWindow", "&Servers…"));
    m_export->setText(QCoreApplication::translate("MainWindow", "&Export settings…"));
    m_import->setText(QCoreApplication::translate("MainWindow", "&Import settings…"));
    m_quit->setText(QCoreApplication::translate("MainWindow", "&Quit"));
    m_edit->setTitle(QCoreApplication::translate("MainWindow", "&Edit"));
    m_apply->setText(QCoreApplication::translate("MainWindow", "&Apply changes"));
    m_revert->setText(QCoreApplication::translate("MainWindow", "&Revert all changes"));
    m_view->setTitle(QCoreApplication::translate("MainWindow", "&View"));
    m_requestLog->setText(QCoreApplication::translate("MainWindow", "&Request log"));
    m_compare->setText(QCoreApplication::translate("MainWindow", "&Compare with…"));
    m_account->setTitle(QCoreApplication::translate("MainWindow", "&Account"));
    m_signIn->setText(QCoreApplication::translate("MainWindow", "Sign &in…"));
    m_signOut->setText(QCoreApplication::translate("MainWindow", "Sign &out"));
    m_languageMenu->setTitle(QCoreApplication::translate("MainWindow", "&Language"));
    m_help->setTitle(QCoreApplication::translate("MainWindow", "&Help"));
    m_about->setText(QCoreApplication::translate("MainWindow", "&About Allmine Settings"));
}
