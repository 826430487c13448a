#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Edits the server profiles (name, base URL, optional CA certificate and, for a custom server,
// whether every change is confirmed first) in the ServerRegistry.
// Development and Production always exist and cannot be removed or replaced; more can be added.
// Enter saves; removing, replacing a server by name, and closing or picking another server with
// changes not saved ask first.
class ServersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServersDialog(QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *caEdit() const { return m_ca; }
    // A custom server's "Confirm every change (treat like Production)"; hidden for the built-in ones.
    QCheckBox *confirmBox() const { return m_confirm; }
    // "Saved …" after a save, else why the form was not saved.
    QLabel *messageLabel() const { return m_message; }
    // Saves the form (renaming the server picked when its name changed); false, with the reason
    // shown, when the registry refuses it or the user keeps the server the name belongs to.
    bool save();
    // The form says something else than the registry holds.
    bool hasUnsavedChanges() const;

public Q_SLOTS:
    // Escape, Close and the window's close button: asks first when changes are not saved.
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload(const QString &select);
    // The server picked in the list; empty while a new one is being added.
    QString selectedName() const;
    // Picks `name`'s row (none for an empty name) without the form following.
    void select(const QString &name);
    void pick();
    void showSelected();
    // True when the form may show something else: nothing unsaved, or the user saved or dropped it
    // when asked `question`.
    bool settleUnsaved(const QString &question);
    // settleUnsaved() before the form shows another server or a new one.
    bool settleBeforeMovingOn();
    void addNew();
    void removeSelected();
    // Asks before saving under `name` replaces another server; false when the user says no.
    bool mayReplace(const QString &name);

    QListWidget *m_list;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLabel *m_caLabel;
    QLineEdit *m_ca;
    QPushButton *m_browse;
    QCheckBox *m_confirm;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_save;
    QLabel *m_message;
    QString m_shown; // the server the form shows; empty for a new one
};
