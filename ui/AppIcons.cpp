#include "AppIcons.h"

#include <QCoreApplication>
#include <QHash>

// Outside any namespace, as Q_INIT_RESOURCE requires; keeps the icons in a static link.
static void initIcons()
{
    Q_INIT_RESOURCE(icons);
}

namespace {
QHash<QString, QIcon> &made()
{
    static QHash<QString, QIcon> icons;
    return icons;
}

// resources/icons/`file`, made once and shared (QIcon is implicitly shared): making one parses
// its SVG, and every row of the form shows a Revert icon.
QIcon bundled(const QString &file)
{
    QHash<QString, QIcon> &icons = made();
    const auto found = icons.constFind(file);
    if (found != icons.constEnd())
        return *found;
    if (icons.isEmpty())
        qAddPostRoutine([] { made().clear(); }); // gone with the application, as its pixmaps are
    initIcons();
    return *icons.insert(file, QIcon(QStringLiteral(":/icons/") + file));
}
} // namespace

QIcon AppIcons::apply()
{
    return bundled(QStringLiteral("apply.svg"));
}

QIcon AppIcons::revert()
{
    return bundled(QStringLiteral("revert.svg"));
}

QIcon AppIcons::window()
{
    return bundled(QStringLiteral(ALLMINE_APP_ID ".svg"));
}
