// File › Export… and File › Print… through the real widgets (offscreen): the
// menu entries with their keys, the dialog's fields by keyboard, the file it
// writes, the folder and format it remembers.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include "tests/gui/GuiFixture.h"
#include "views/dialogs/ExportDialog.h"

using namespace sw;

namespace {

QAction* fileAction(QMainWindow* w, const QString& text) {
    for (QAction* menu : w->menuBar()->actions())
        if (menu->text() == QLatin1String("&File"))
            for (QAction* a : menu->menu()->actions())
                if (a->text() == text) return a;
    return nullptr;
}

// Runs `drive` on the export dialog once it is shown modally.
void whenDialogShows(std::function<void(views::ExportDialog*)> drive) {
    QTimer::singleShot(0, [drive] {
        auto* d = qobject_cast<views::ExportDialog*>(QApplication::activeModalWidget());
        if (!d) {
            QTimer::singleShot(20, [drive] { whenDialogShows(drive); });
            return;
        }
        drive(d);
    });
}

}  // namespace

class TestGuiExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); QSettings().clear(); }

    void menuEntriesHaveKeys() {
        auto w = testing::shownWindow(testing::smallProject());
        QVERIFY(w);
        QAction* e = fileAction(w.get(), QStringLiteral("E&xport…"));
        QAction* p = fileAction(w.get(), QStringLiteral("&Print…"));
        QVERIFY(e && p);
        QCOMPARE(e->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(p->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_P)));
    }

    void exportsSvgThroughTheDialog() {
        QTemporaryDir dir;
        auto w = testing::shownWindow(testing::smallProject());
        QVERIFY(w);
        const QString out = dir.filePath("small.svg");
        bool driven = false;
        whenDialogShows([&](views::ExportDialog* d) {
            auto* format = d->findChild<QComboBox*>("exportFormat");
            auto* path = d->findChild<QLineEdit*>("exportPath");
            auto* dpi = d->findChild<QSpinBox*>("exportDpi");
            auto* table = d->findChild<QComboBox*>("exportTable");
            if (!format || !path || !dpi || !table) return d->reject();
            // By keyboard: the format box takes Down until SVG, the path is typed.
            format->setFocus();
            while (format->currentData().toString() != QLatin1String("svg") && format->currentIndex() < format->count() - 1)
                QTest::keyClick(format, Qt::Key_Down);
            driven = format->currentData().toString() == QLatin1String("svg") && !dpi->isEnabled() && !table->isEnabled();
            path->selectAll();
            QTest::keyClicks(path, out);
            QTest::keyClick(path, Qt::Key_Return);   // the default button: Export
        });
        fileAction(w.get(), QStringLiteral("E&xport…"))->trigger();
        QVERIFY(driven);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(f.readAll());
        QStringList texts;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        QVERIFY(!xml.hasError());
        for (const QString name : {"Users", "Edge balancer", "API"}) {
            bool named = false;   // whole, or elided to fit its card ("Edge balan…")
            for (const QString& t : texts)
                named = named || t == name || (t.endsWith(QChar(0x2026)) && t.size() > 4 && name.startsWith(t.chopped(1)));
            QVERIFY2(named, qPrintable(name + " not in " + texts.join('|')));
        }
        // Remembered: the next dialog starts in that folder, on SVG.
        QString startPath, startFormat;
        whenDialogShows([&](views::ExportDialog* d) {
            startPath = d->findChild<QLineEdit*>("exportPath")->text();
            startFormat = d->findChild<QComboBox*>("exportFormat")->currentData().toString();
            d->reject();
        });
        fileAction(w.get(), QStringLiteral("E&xport…"))->trigger();
        QCOMPARE(startFormat, QStringLiteral("svg"));
        QVERIFY2(startPath.startsWith(dir.path() + "/") && startPath.endsWith(".svg"), qPrintable(startPath));
    }

    void csvAndPngFromTheDialog() {
        QTemporaryDir dir;
        auto w = testing::shownWindow(testing::smallProject());
        QVERIFY(w);
        for (const char* fmt : {"csv", "png"}) {
            const QString out = dir.filePath(QStringLiteral("x.") + fmt);
            whenDialogShows([&](views::ExportDialog* d) {
                auto* format = d->findChild<QComboBox*>("exportFormat");
                format->setCurrentIndex(format->findData(QString(fmt)));
                auto* dpi = d->findChild<QSpinBox*>("exportDpi");
                if (dpi->isEnabled()) dpi->setValue(96);
                d->findChild<QLineEdit*>("exportPath")->setText(out);
                d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            });
            fileAction(w.get(), QStringLiteral("E&xport…"))->trigger();
            QVERIFY2(QFile::exists(out), fmt);
        }
        QFile csv(dir.filePath("x.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("id,name,kind,region,load_rps"));
        QImage png(dir.filePath("x.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(qRound(png.dotsPerMeterX() * 0.0254), 96);
    }
};

QTEST_MAIN(TestGuiExport)
#include "test_gui_export.moc"
