#pragma once

#include <QLabel>
#include <QPointer>

class SettingsModel;

// One line above the settings: when the server last changed them (the answer's updatedAt) and
// when they were loaded, in the UI language's date format. Hidden until there are values.
class FreshnessLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FreshnessLabel(QWidget *parent = nullptr);

    void setModel(const SettingsModel *model);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    QPointer<const SettingsModel> m_model;
};
