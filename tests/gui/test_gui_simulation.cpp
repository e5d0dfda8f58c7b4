// The simulation dock driven through its widgets, offscreen: a run shows the
// engine's own numbers (the exported CSV is byte-identical to a direct
// simulate() with the same seed), a bad scenario is refused with the event
// and field named, a long run stops when asked, and the scenario list follows
// the project.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QTimer>
#include <QUndoStack>
#include <QElapsedTimer>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "planner/sim/SimOutput.h"
#include "planner/sim/Simulator.h"
#include "tests/gui/GuiFixture.h"
#include "views/simulation/ScenarioEditor.h"
#include "views/simulation/SimulationChart.h"
#include "views/views.h"

using namespace sw;

class TestGuiSimulation : public QObject {
    Q_OBJECT

    static Project threeTier() {
        auto p = readProjectJsonFile(std::string(SW_SAMPLES_DIR) + "/../tests/sim/data/three_tier.json");
        if (!p) qFatal("%s", p.error().c_str());
        return std::move(p).value();
    }
    static std::unique_ptr<app::MainWindow> openWindow(const Project& p) { return testing::shownWindow(p); }
    static QString readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void runShowsTheEngineResult() {
        const Project p = threeTier();
        auto w = openWindow(p);
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        panel->scenarioBox()->setCurrentText(QStringLiteral("kill-two-web"));
        QCOMPARE(panel->scenarioBox()->currentText(), QStringLiteral("kill-two-web"));
        panel->seedBox()->setValue(9);
        panel->replicatesBox()->setValue(2);
        panel->durationBox()->setValue(200);
        panel->run();
        QVERIFY(panel->runner()->running());
        panel->runner()->wait();
        QApplication::processEvents();
        QVERIFY2(panel->report().has_value(), qPrintable(panel->statusText()));
        QCOMPARE(panel->chart()->points(), 200);

        // The same run straight through the engine.
        sim::Options o;
        o.seed = 9;
        o.replicates = 2;
        o.duration_s = 200;
        auto direct = sim::simulate(p.variants.front(), *p.findScenario("kill-two-web"), o);
        QVERIFY(direct);
        const sim::Estimate* a = direct.value().estimate("availability");
        QVERIFY(a->mean < 1);   // two of four web servers die at 60 s
        QVERIFY2(panel->summaryText().contains(
                     QStringLiteral("Availability\t%1 %").arg(a->mean * 100, 0, 'f', 3)),
                 qPrintable(panel->summaryText()));
        QVERIFY(panel->statusText().startsWith(QStringLiteral("Done")));
        // The mode strip has one span per run of equal modes in the first replicate.
        int spans = 0;
        const auto& series = direct.value().runs.front().series;
        for (std::size_t t = 0; t < series.size(); ++t) spans += t == 0 || series[t].mode != series[t - 1].mode;
        QCOMPARE(panel->chart()->modeSpans(), spans);
        // Every component can be shown; the one with the longest queue is shown first.
        QCOMPARE(panel->componentBox()->count(), static_cast<int>(direct.value().component_ids.size()));
        QCOMPARE(panel->componentBox()->currentText(),
                 QString::fromStdString(direct.value().runs.front().summary.peak_queue_component));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("run.csv"));
        QVERIFY(panel->exportCsv(csv));
        QCOMPARE(readAll(csv), QString::fromStdString(sim::reportCsv(direct.value())));
        const QString json = dir.filePath(QStringLiteral("run.json"));
        QVERIFY(panel->exportJson(json));
        QCOMPARE(readAll(json), QString::fromStdString(sim::reportJson(direct.value(), true)));
        // An export that cannot be written says so and leaves the report alone.
        QVERIFY(!panel->exportCsv(dir.filePath(QStringLiteral("no/such/dir/run.csv"))));
        QVERIFY(panel->statusText().startsWith(QStringLiteral("Could not write")));
    }

    void badScenarioNamesEventAndField() {
        Project p = threeTier();
        Scenario bad;
        bad.name = "ghost-outage";
        bad.duration_s = 60;
        FailureEvent f;
        f.kind = FailureKind::KillInstances;
        f.target = "ghost";
        bad.failures = {f};
        p.scenarios.push_back(bad);
        auto w = openWindow(p);
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        panel->scenarioBox()->setCurrentText(QStringLiteral("ghost-outage"));
        panel->run();
        panel->runner()->wait();
        QApplication::processEvents();
        QVERIFY(!panel->report().has_value());
        QVERIFY2(panel->statusText().contains(QStringLiteral("failures[0]")) &&
                     panel->statusText().contains(QStringLiteral("ghost")),
                 qPrintable(panel->statusText()));
        QVERIFY(!panel->runner()->running());
    }

    void longRunStopsWhenAsked() {
        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        panel->scenarioBox()->setCurrentText(QStringLiteral("steady"));
        panel->replicatesBox()->setValue(1);
        panel->durationBox()->setValue(200000);   // minutes of work if left alone
        QElapsedTimer t;
        t.start();
        panel->run();
        QTest::qWait(200);
        panel->cancel();
        panel->runner()->wait();
        QApplication::processEvents();
        QVERIFY(t.elapsed() < 20000);
        QVERIFY(!panel->report().has_value());
        QVERIFY2(panel->statusText().startsWith(QStringLiteral("Stopped")), qPrintable(panel->statusText()));
        QVERIFY(panel->chart()->points() < 200000);
    }

    void scenarioEditorChecksAsYouTypeAndIsUndoable() {
        const Project p = threeTier();
        auto w = openWindow(p);
        QVERIFY(w);
        {
            views::ScenarioEditor ed(p, p.variants.front());
            QVERIFY(ed.acceptable());
            QVERIFY2(ed.verdict().startsWith(QStringLiteral("6 scenario(s), all fit")), qPrintable(ed.verdict()));
            ed.editor()->setPlainText(QStringLiteral("[\n  {\"name\": \"a\",, }\n]"));   // 2nd comma: column 16
            ed.check();
            QVERIFY(!ed.acceptable());
            QCOMPARE(ed.verdict(), QStringLiteral("scenarios: not valid JSON at line 2, column 16"));
            ed.editor()->setPlainText(QStringLiteral(R"([{"name": "a", "failures": [{"type": "kill_instances", "target": "ghost"}]}])"));
            ed.check();
            QVERIFY(ed.acceptable());   // another variant may have a 'ghost'
            QVERIFY2(ed.verdict().contains(QStringLiteral("'ghost'")), qPrintable(ed.verdict()));
        }
        // Through the panel: the dialog is modal, so answer it from the event loop.
        views::SimulationPanel* panel = w->simulation();
        QTimer::singleShot(0, [] {
            auto* ed = qobject_cast<views::ScenarioEditor*>(QApplication::activeModalWidget());
            QVERIFY(ed);
            ed->editor()->setPlainText(QStringLiteral(R"([{"name": "only-spike", "duration_s": 120,
                "traffic": [{"type": "spike", "factor": 2, "start_s": 30, "duration_s": 60}]}])"));
            ed->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        panel->editScenarios();
        QCOMPARE(w->document()->project().scenarios.size(), std::size_t{1});
        QCOMPARE(panel->scenarioBox()->count(), 1);
        QCOMPARE(panel->scenarioBox()->currentText(), QStringLiteral("only-spike"));
        w->document()->undoStack()->undo();
        QVERIFY(w->document()->project().scenarios == p.scenarios);
        QCOMPARE(panel->scenarioBox()->count(), static_cast<int>(p.scenarios.size()));
    }

    void scenarioListFollowsTheProject() {
        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        QCOMPARE(panel->scenarioBox()->count(), static_cast<int>(threeTier().scenarios.size()));
        Project empty = threeTier();
        empty.scenarios.clear();
        w->document()->resetProject(empty);
        QApplication::processEvents();
        QCOMPARE(panel->scenarioBox()->count(), 0);
        panel->run();   // nothing to run: no crash, no runner
        QVERIFY(!panel->runner()->running());
    }
};

QTEST_MAIN(TestGuiSimulation)
#include "test_gui_simulation.moc"
