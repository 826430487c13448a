#include "AppIcons.h"

// Outside any namespace, as Q_INIT_RESOURCE requires; keeps the icons in a static link.
static void initIcons()
{
    Q_INIT_RESOURCE(icons);
}

namespace {
// The theme's icon `name`, else resources/icons/`file`.
QIcon themed(const QString &name, const QString &file)
{
    initIcons();
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/") + file));
}
} // namespace

QIcon AppIcons::apply()
{
    return themed(QStringLiteral("dialog-ok-apply"), QStringLiteral("apply.svg"));
}

QIcon AppIcons::revert()
{
    return themed(QStringLiteral("edit-undo"), QStringLiteral("revert.svg"));
}

QIcon AppIcons::window()
{
    return themed(QStringLiteral(ALLMINE_APP_ID), QStringLiteral(ALLMINE_APP_ID ".svg"));
}
