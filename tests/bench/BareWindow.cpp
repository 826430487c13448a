// The yardstick for the window: the plainest Qt Widgets window with the same kinds of widgets as
// the app's (a menu bar; a coloured banner with two labels, a server list and a button; an account
// line with a button; in a scroll area, group boxes of checkboxes with wrapping descriptions and a
// language list; a status line with two buttons), filled in at once, with no server behind it.
//   bench_bare_window [--size WIDTHxHEIGHT] [--screenshot FILE]
// --size makes it as large as the app's window. Shown, it runs until it is closed (the probe
// times its first frame and quits it). With --screenshot it is rendered without being shown, as
// the app's --screenshot does, saved through QImageWriter into a QSaveFile, and it exits.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <cstdio>

namespace {
struct Row
{
    const char *title;
    const char *description; // empty: the language list
};

const Row kNotifications[] = {
    {"All notifications", "Master switch: when off, no notification of any kind is sent."},
    {"Live streams", "When someone you follow goes live."},
    {"Payments", "Payments you send or receive."},
    {"New followers", "When someone starts following you."},
    {"Messages", "New direct messages."},
    {"Activity of people you follow", "What the people you follow are doing."},
};
const Row kPrivacy[] = {
    {"Show my total minutes", "Whether others can see your total minutes."},
    {"Show my total funds", "Whether others can see your total funds."},
};

QWidget *row(const Row &spec, int indent)
{
    auto *widget = new QWidget;
    auto *layout = new QGridLayout(widget);
    layout->setContentsMargins(indent, 2, 0, 2);
    layout->setVerticalSpacing(0);
    auto *check = new QCheckBox(QString::fromUtf8(spec.title));
    check->setChecked(true);
    layout->addWidget(check, 0, 0);
    auto *description = new QLabel(QString::fromUtf8(spec.description));
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description, 1, 0);
    return widget;
}

template <size_t N> QGroupBox *group(const char *title, const Row (&rows)[N])
{
    auto *box = new QGroupBox(QString::fromUtf8(title));
    auto *layout = new QVBoxLayout(box);
    for (const Row &spec : rows) // the first switches the others: they are indented under it
        layout->addWidget(row(spec, N > 2 && &spec != rows ? 28 : 0));
    return box;
}

QGroupBox *languageGroup()
{
    auto *box = new QGroupBox(QStringLiteral("Language"));
    auto *layout = new QGridLayout(box);
    auto *list = new QComboBox;
    list->addItems({QStringLiteral("English"), QStringLiteral("Türkçe")});
    auto *label = new QLabel(QStringLiteral("Preferred language:"));
    label->setBuddy(list);
    layout->addWidget(label, 0, 0);
    layout->addWidget(list, 0, 1, Qt::AlignLeft);
    auto *description = new QLabel(QStringLiteral("The language Allmine uses for you."));
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description, 1, 0, 1, 2);
    layout->setColumnStretch(1, 1);
    return box;
}

QFrame *banner()
{
    auto *frame = new QFrame;
    frame->setAutoFillBackground(true);
    QPalette palette = frame->palette();
    palette.setColor(QPalette::Window, QColor(0x00, 0x69, 0x5c));
    palette.setColor(QPalette::WindowText, Qt::white);
    frame->setPalette(palette);
    auto *headline = new QLabel(QStringLiteral("Development — 127.0.0.1:40000"));
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);
    auto *detail = new QLabel(QStringLiteral("Test server: changes here do not affect real users."));
    detail->setWordWrap(true);
    auto *texts = new QVBoxLayout;
    texts->addWidget(headline);
    texts->addWidget(detail);
    auto *servers = new QComboBox;
    servers->addItems({QStringLiteral("Development"), QStringLiteral("Production")});
    auto *label = new QLabel(QStringLiteral("&Server:"));
    label->setBuddy(servers);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addLayout(texts, 1);
    layout->addWidget(label);
    layout->addWidget(servers);
    layout->addWidget(new QPushButton(QStringLiteral("Servers…")));
    return frame;
}

QWidget *accountLine()
{
    auto *widget = new QWidget;
    auto *status = new QLabel(QStringLiteral("Signed in as bench@example.com on Development"));
    status->setWordWrap(true);
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(status, 1);
    layout->addWidget(new QPushButton(QStringLiteral("Sign out")));
    return widget;
}

QWidget *statusLine()
{
    auto *widget = new QWidget;
    auto *layout = new QHBoxLayout(widget);
    layout->addWidget(new QLabel(QStringLiteral("No changes")), 1);
    auto *revert = new QPushButton(QStringLiteral("Revert all"));
    revert->setEnabled(false);
    layout->addWidget(revert);
    auto *apply = new QPushButton(QStringLiteral("Apply"));
    apply->setEnabled(false);
    apply->setDefault(true);
    layout->addWidget(apply);
    return widget;
}

void fillMenus(QMenuBar *bar)
{
    QMenu *file = bar->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Servers…"));
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), qApp, &QCoreApplication::quit)->setShortcut(QKeySequence::Quit);
    QMenu *edit = bar->addMenu(QStringLiteral("&Edit"));
    edit->addAction(QStringLiteral("&Apply changes"))->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    edit->addAction(QStringLiteral("&Revert all changes"));
    bar->addMenu(QStringLiteral("&View"))->addAction(QStringLiteral("&Request log"))->setCheckable(true);
    QMenu *language = bar->addMenu(QStringLiteral("&Language"));
    for (const QString &name : {QStringLiteral("English"), QStringLiteral("Türkçe")})
        language->addAction(name)->setCheckable(true);
}

bool save(QWidget *window, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QImageWriter writer(&file, "png");
    return writer.write(window->grab().toImage()) && file.commit();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save as PNG and exit."),
                                        QStringLiteral("FILE"));
    parser.addOptions({size, screenshot});
    parser.process(app);

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Development — Bare window"));
    fillMenus(window.menuBar());
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(group("Notifications", kNotifications));
    formLayout->addWidget(group("Privacy", kPrivacy));
    formLayout->addWidget(languageGroup());
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(banner());
    layout->addWidget(accountLine());
    layout->addWidget(scroll, 1);
    layout->addWidget(statusLine());
    window.setCentralWidget(central);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    if (wh.size() == 2)
        window.resize(wh.at(0).toInt(), wh.at(1).toInt());

    if (!parser.isSet(screenshot)) {
        window.show();
        return app.exec();
    }
    QTimer::singleShot(0, &window, [&] {
        if (!save(&window, parser.value(screenshot))) {
            std::fprintf(stderr, "bench_bare_window: could not write %s\n",
                         qPrintable(parser.value(screenshot)));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
    return app.exec();
}
