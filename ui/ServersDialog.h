#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Edits the server profiles (name, base URL, optional CA certificate) in the ServerRegistry.
// Development and Production always exist and cannot be removed; more can be added.
class ServersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServersDialog(QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *caEdit() const { return m_ca; }
    QLabel *problemLabel() const { return m_problem; }
    // Saves the form; false (with the reason shown) when the registry refuses it.
    bool save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload(const QString &select);
    void showSelected();
    void addNew();
    void removeSelected();

    QListWidget *m_list;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLabel *m_caLabel;
    QLineEdit *m_ca;
    QPushButton *m_browse;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_save;
    QLabel *m_problem;
};
