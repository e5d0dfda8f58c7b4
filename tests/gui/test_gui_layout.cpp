// The window at its default 1440×900, offscreen: no text is cut in the
// summary, the inspector or the simulation controls; the dark theme's
// inspector subtitle is legible; the chart's titles fit its panes at the
// dock's minimum height and its legends sit outside the plots; the window
// comes back at the size and place it was closed at, and the first window
// fits the screen.
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <qcustomplot.h>

#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "tests/gui/GuiFixture.h"
#include "views/inspector/NumberField.h"
#include "views/simulation/SimulationChart.h"
#include "views/views.h"

using namespace sw;

namespace {

Project planet() {
    auto p = readProjectJsonFile(SW_SAMPLES_DIR "/planet-scale-3-region.json");
    if (!p) qFatal("%s", p.error().c_str());
    return std::move(p).value();
}

void forgetWindowState() {
    QSettings s;
    s.remove(QStringLiteral("window"));
    s.remove(QStringLiteral("view/theme"));
}

// The default window: no remembered state, 1440×900, the planet sample.
std::unique_ptr<app::MainWindow> defaultWindow() {
    forgetWindowState();
    auto w = std::make_unique<app::MainWindow>();
    w->setAttribute(Qt::WA_DeleteOnClose, false);
    w->resize(1440, 900);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get())) return nullptr;
    w->document()->resetProject(planet());
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    return w;
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor& c) {
    auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Labels whose text does not fit the space they were given.
QStringList cutLabels(QWidget* root, QWidget* clip = nullptr) {
    QStringList out;
    for (QLabel* l : root->findChildren<QLabel*>()) {
        if (!l->isVisible() || l->text().isEmpty() || !l->pixmap().isNull()) continue;
        const bool cut = l->wordWrap() ? l->height() < l->heightForWidth(l->width())
                                       : l->width() < l->sizeHint().width() || l->height() < l->sizeHint().height();
        bool outside = false;
        if (clip) {
            const QRect r(l->mapTo(clip, QPoint(0, 0)), l->size());
            outside = r.right() > clip->width();
        }
        if (cut || outside) out << QStringLiteral("'%1' %2x%3").arg(l->text().left(40)).arg(l->width()).arg(l->height());
    }
    return out;
}

}  // namespace

class TestGuiLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { forgetWindowState(); }

    void summaryCardsShowTheirWholeText() {
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            auto w = defaultWindow();
            QVERIFY(w);
            w->setThemeName(theme);
            for (int i = 0; i < 3; ++i) QApplication::processEvents();
            QVERIFY(w->summary()->text().contains(QStringLiteral("nines")));
            const QStringList cut = cutLabels(w->summary());
            QVERIFY2(cut.isEmpty(), qPrintable(theme + QStringLiteral(": ") + cut.join(QStringLiteral("; "))));
        }
    }

    void inspectorFitsItsDock() {
        auto w = defaultWindow();
        QVERIFY(w);
        // The service with the longest figures: select the first service of the sample.
        std::string id;
        for (const Component& c : w->document()->design().components)
            if (c.kind == ComponentKind::Service && id.empty()) id = c.id;
        views::Selection s;
        s.components.insert(id);
        w->scene()->selectIds(s);
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        QWidget* viewport = w->inspector()->viewport();
        QWidget* body = w->inspector()->widget();
        QVERIFY(body);
        QVERIFY2(body->width() <= viewport->width(), qPrintable(QStringLiteral("%1 > %2").arg(body->width()).arg(viewport->width())));
        const QStringList cut = cutLabels(body, viewport);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("; "))));
    }

    void scenarioComboShowsTheWholeName() {
        auto w = defaultWindow();
        QVERIFY(w);
        QComboBox* box = w->simulation()->scenarioBox();
        QVERIFY(box->count() > 0);
        int widest = 0;
        for (int i = 0; i < box->count(); ++i) widest = std::max(widest, box->fontMetrics().horizontalAdvance(box->itemText(i)));
        QVERIFY2(box->width() >= widest + 24, qPrintable(QStringLiteral("%1 < %2").arg(box->width()).arg(widest + 24)));
    }

    void darkSubtitleIsLegible() {
        auto w = defaultWindow();
        QVERIFY(w);
        w->setThemeName(QStringLiteral("dark"));
        QApplication::processEvents();
        auto* subtitle = w->inspector()->findChild<QLabel*>(QStringLiteral("inspectorSubtitle"));
        QVERIFY(subtitle);
        const QColor fg = subtitle->palette().color(subtitle->foregroundRole());
        const QColor bg = w->inspector()->widget()->palette().color(QPalette::Window);
        QVERIFY2(contrast(fg, bg) >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3").arg(fg.name(), bg.name()).arg(contrast(fg, bg))));
        w->setThemeName(QStringLiteral("light"));
    }

    void chartTitlesFitAndLegendsStayOutside() {
        auto w = defaultWindow();
        QVERIFY(w);
        views::SimulationChart* chart = w->simulation()->chart();
        // The dock at its minimum height: the chart gets no less than its minimum.
        w->resizeDocks({w->simulationDock()}, {10}, Qt::Vertical);
        for (int i = 0; i < 3; ++i) QApplication::processEvents();
        QVERIFY(chart->height() >= chart->minimumHeight());
        chart->plot()->replot();
        for (QCPAxisRect* pane : chart->panes()) {
            QCPAxis* left = pane->axis(QCPAxis::atLeft);
            const int title = QFontMetrics(left->labelFont()).horizontalAdvance(left->label());
            QVERIFY2(pane->rect().height() >= title,
                     qPrintable(QStringLiteral("'%1' needs %2 px, pane %3").arg(left->label()).arg(title).arg(pane->rect().height())));
            for (QCPLegend* legend : chart->legends())
                QVERIFY2(!legend->outerRect().intersects(pane->rect()), "a legend covers a plot");
        }
    }

    void canvasGetsMostOfTheFirstWindow() {
        // Simulation, Walkthrough and Compare share one tabbed area under the
        // canvas; the right column (summary, inspector) runs the full height so
        // the inspector shows its fields; the canvas gets most of the window.
        auto w = defaultWindow();
        QVERIFY(w);
        auto dock = [&](const char* name) { return w->findChild<QDockWidget*>(QLatin1String(name)); };
        QDockWidget* sim = w->simulationDock();
        QDockWidget* walk = dock("walkthroughDock");
        QDockWidget* cmp = dock("compareDock");
        QDockWidget* insp = dock("inspectorDock");
        QVERIFY(sim && walk && cmp && insp);
        const auto tabbed = w->tabifiedDockWidgets(sim);
        QVERIFY(tabbed.contains(walk));
        QVERIFY(tabbed.contains(cmp));
        QVERIFY(!sim->visibleRegion().isEmpty());   // Simulation is the tab on top
        QCOMPARE(w->dockWidgetArea(insp), Qt::RightDockWidgetArea);
        const QRect canvas(w->view()->mapTo(w.get(), QPoint(0, 0)), w->view()->size());
        const QRect bottom(sim->mapTo(w.get(), QPoint(0, 0)), sim->size());
        const QRect right(insp->mapTo(w.get(), QPoint(0, 0)), insp->size());
        // The bottom tabs stop at the right column; the inspector reaches below them.
        QVERIFY2(bottom.right() < right.left(), qPrintable(QStringLiteral("%1 >= %2").arg(bottom.right()).arg(right.left())));
        QVERIFY2(right.bottom() >= bottom.bottom() - 2, qPrintable(QStringLiteral("%1 < %2").arg(right.bottom()).arg(bottom.bottom())));
        QVERIFY2(insp->height() >= 420, qPrintable(QStringLiteral("inspector %1 px high").arg(insp->height())));
        QVERIFY2(canvas.height() >= 390 && canvas.width() >= 640,
                 qPrintable(QStringLiteral("canvas %1x%2").arg(canvas.width()).arg(canvas.height())));
        QVERIFY2(bottom.height() <= 400, qPrintable(QStringLiteral("bottom tabs %1 px high").arg(bottom.height())));
        // Nothing forces the window past 1440 px (it would run off the screen).
        QVERIFY2(w->width() == 1440 && w->minimumSizeHint().width() <= 1440,
                 qPrintable(QStringLiteral("window %1 px, needs %2").arg(w->width()).arg(w->minimumSizeHint().width())));
    }

    void longVariantNamesDoNotWidenTheWindow() {
        // The planet sample opened before the window shows (as File › Open and
        // `scalewright screenshot` do): the Compare combos hold its two long
        // variant names; the bottom tabs share 1440 px with the right column.
        forgetWindowState();
        auto w = std::make_unique<app::MainWindow>();
        w->setAttribute(Qt::WA_DeleteOnClose, false);
        QString error;
        QVERIFY2(w->files()->openFile(QStringLiteral(SW_SAMPLES_DIR "/planet-scale-3-region.json"), &error), qPrintable(error));
        w->resize(1440, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        QVERIFY2(w->width() == 1440 && w->minimumSizeHint().width() <= 1440,
                 qPrintable(QStringLiteral("window %1 px, needs %2").arg(w->width()).arg(w->minimumSizeHint().width())));
        w->files()->closed();
    }

    void windowComesBackWhereItWasClosed() {
        forgetWindowState();
        {
            // The first window fits the screen it opens on (offscreen: a small one).
            auto* first = new app::MainWindow;
            const QRect room = first->screen()->availableGeometry();
            QVERIFY2(first->width() <= room.width() && first->height() <= room.height(),
                     qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(first->width()).arg(first->height()).arg(room.width()).arg(room.height())));
            first->show();
            QVERIFY(QTest::qWaitForWindowExposed(first));
            first->setGeometry(120, 90, 1210, 820);
            QApplication::processEvents();
            QVERIFY(first->close());   // WA_DeleteOnClose: saves its geometry and goes
        }
        QApplication::processEvents();
        auto second = std::make_unique<app::MainWindow>();
        second->setAttribute(Qt::WA_DeleteOnClose, false);
        second->show();
        QVERIFY(QTest::qWaitForWindowExposed(second.get()));
        QCOMPARE(second->size(), QSize(1210, 820));
        QCOMPARE(second->geometry().topLeft(), QPoint(120, 90));
        second->files()->closed();
    }
};

QTEST_MAIN(TestGuiLayout)
#include "test_gui_layout.moc"
