// The benchmark's yardstick: the plainest Qt Widgets window with as many checkboxes as the app
// has toggles and one combo, which saves a PNG of itself and exits — what `allmine-settings
// --screenshot` is measured against.
//   bench_bare_window OUTPUT.png [WIDTHxHEIGHT]
// The optional size makes the yardstick as large as the app's window, which separates the cost
// of encoding more pixels from the app's own work.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString output = app.arguments().value(1, QStringLiteral("bare.png"));
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    for (int i = 0; i < 8; ++i)
        layout->addWidget(new QCheckBox(QStringLiteral("Setting %1").arg(i + 1)));
    auto *combo = new QComboBox;
    combo->addItems({QStringLiteral("English"), QStringLiteral("Türkçe")});
    layout->addWidget(combo);
    const QStringList size = app.arguments().value(2).split(QLatin1Char('x'));
    if (size.size() == 2)
        window.resize(size.at(0).toInt(), size.at(1).toInt());
    window.show();
    QTimer::singleShot(0, &window, [&] {
        const bool saved = window.grab().save(output, "PNG");
        QCoreApplication::exit(saved ? 0 : 1);
    });
    return app.exec();
}
