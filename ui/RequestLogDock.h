#pragma once

#include <QDockWidget>

class QPlainTextEdit;
class QPushButton;
class QTableView;
class RequestLogModel;

// The request log for QA: every exchange (method, URL, status, time, size) and the selected
// one's headers and bodies, with "Copy as cURL" that never contains the token, and "Export…"
// that saves every exchange as JSON (tokens and one-time codes redacted).
class RequestLogDock : public QDockWidget
{
    Q_OBJECT
public:
    RequestLogDock(RequestLogModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QPlainTextEdit *detailsView() const { return m_details; }
    // The selected exchange as a curl command (also what the button copies); empty if none.
    QString selectedAsCurl() const;
    QPushButton *exportButton() const { return m_export; }
    // Writes every exchange as JSON to `file` (what Export… saves after asking where); false
    // with the reason in `error` when the file cannot be written.
    bool exportTo(const QString &file, QString *error = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSelected();
    void exportAll();
    int selectedRow() const;

    RequestLogModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_copyCurl;
    QPushButton *m_clear;
    QPushButton *m_export;
};
