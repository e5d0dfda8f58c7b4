// The simulation dock driven through its widgets, offscreen: a run shows the
// engine's own numbers (the exported CSV is byte-identical to a direct
// simulate() with the same seed), a bad scenario is refused with the event
// and field named, a long run stops when asked, and the scenario list follows
// the project. A run belongs to its project and variant (opening another
// file forgets it, another variant hides it), a stopped run exports what was
// simulated marked partial, exports name their design, and every save dialog
// adds its filter's extension.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QTimer>
#include <QUndoStack>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLineEdit>
#include <QRegularExpression>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/FileController.h"
#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "planner/sim/SimOutput.h"
#include "planner/sim/Simulator.h"
#include "tests/gui/GuiFixture.h"
#include "views/dialogs/SaveDialog.h"
#include "views/simulation/ScenarioEditor.h"
#include "views/simulation/SimulationChart.h"
#include "views/panels/VariantsPanel.h"
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
    static void runToEnd(views::SimulationPanel* panel, const QString& scenario, int seconds) {
        panel->scenarioBox()->setCurrentText(scenario);
        panel->seedBox()->setValue(3);
        panel->replicatesBox()->setValue(1);
        panel->durationBox()->setValue(seconds);
        panel->run();
        panel->runner()->wait();
        QApplication::processEvents();
    }
    // Answers the next modal file dialog with `name` typed into it (no
    // extension), as a user would, from the event loop.
    static void answerFileDialog(const QString& path) {
        auto* poll = new QTimer;
        auto* ticks = new int(0);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, ticks, path] {
            auto* dlg = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            // A few ticks after it shows, so the dialog has settled its own selection.
            if (!dlg || !dlg->isVisible() || ++*ticks < 4) return;
            poll->stop();
            poll->deleteLater();
            delete ticks;
            auto* name = dlg->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(path);   // typed, absolute, without an extension
            static_cast<QDialog*>(dlg)->accept();   // QFileDialog::accept is protected
        });
        poll->start(25);
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
        sim::ExportOrigin origin;
        origin.variant = p.variants.front().name;   // unsaved project: no file name
        QCOMPARE(readAll(csv), QString::fromStdString(sim::reportCsv(direct.value(), origin)));
        QVERIFY(readAll(csv).contains(QString::fromStdString(sim::reportCsv(direct.value()))));   // the engine's rows, unchanged
        const QString json = dir.filePath(QStringLiteral("run.json"));
        QVERIFY(panel->exportJson(json));
        QCOMPARE(readAll(json), QString::fromStdString(sim::reportJson(direct.value(), true, origin)));
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
        QVERIFY2(panel->statusText().startsWith(QStringLiteral("Stopped")), qPrintable(panel->statusText()));
        QVERIFY(panel->chart()->points() < 200000);
        // What was simulated is kept and exported, marked partial.
        QVERIFY(panel->report().has_value());
        QVERIFY(panel->isPartial());
        QVERIFY(panel->csvButton()->isEnabled() && panel->jsonButton()->isEnabled());
        const auto& series = panel->report()->runs.front().series;
        QVERIFY(!series.empty());
        QCOMPARE(panel->chart()->points(), static_cast<int>(series.size()));
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("stopped.csv"));
        QVERIFY(panel->exportCsv(csv));
        const QStringList lines = readAll(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("# partial: stopped after %1 of 200000 s").arg(series.size())),
                 qPrintable(lines.mid(0, 8).join(QLatin1Char('\n'))));
        int rows = 0;
        for (const QString& l : lines) rows += l.startsWith(QLatin1String("0,"));
        QCOMPARE(rows, static_cast<int>(series.size()));   // every simulated second, no more
        const QString json = dir.filePath(QStringLiteral("stopped.json"));
        QVERIFY(panel->exportJson(json));
        QVERIFY(readAll(json).contains(QStringLiteral("\"partial\": true")));
        QVERIFY(QRegularExpression(QStringLiteral("\"simulated_s\": %1(\\.0)?,").arg(series.size())).match(readAll(json)).hasMatch());
    }

    // The planet run must not survive opening stage 3: no chart, no summary,
    // no export of its series under stage 3's name.
    void openingAnotherFileForgetsTheRun() {
        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        runToEnd(panel, QStringLiteral("kill-two-web"), 120);
        QVERIFY2(panel->report().has_value(), qPrintable(panel->statusText()));
        QCOMPARE(panel->chart()->points(), 120);
        QVERIFY(panel->csvButton()->isEnabled());
        QString error;
        const QString stage3 = QStringLiteral(SW_SAMPLES_DIR "/stage-03-load-balancer.json");
        QVERIFY2(w->files()->openFile(stage3, &error), qPrintable(error));
        QApplication::processEvents();
        QVERIFY(!panel->report().has_value());
        QCOMPARE(panel->chart()->points(), 0);
        QVERIFY(panel->summaryText().isEmpty());
        QVERIFY(!panel->csvButton()->isEnabled() && !panel->jsonButton()->isEnabled());
        QTemporaryDir dir;
        QVERIFY(!panel->exportCsv(dir.filePath(QStringLiteral("stale.csv"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("stale.csv"))));
        // A run of stage 3 exports under stage 3's name and variant.
        runToEnd(panel, QStringLiteral("spike-x3"), 60);
        QVERIFY2(panel->report().has_value(), qPrintable(panel->statusText()));
        const QString csv = dir.filePath(QStringLiteral("stage3.csv"));
        QVERIFY(panel->exportCsv(csv));
        const QString text = readAll(csv);
        QVERIFY2(text.startsWith(QStringLiteral("# scalewright simulation\n# design: stage-03-load-balancer.json\n"
                                                "# variant: Stage 3: load balancer and web tier\n# scenario: spike-x3\n")),
                 qPrintable(text.left(300)));
        QVERIFY(readAll(csv).contains(QStringLiteral("\n0,59,")));
        w->files()->closed();
    }

    // Opening another file while a run goes on drops that run's result.
    void openingAnotherFileDropsARunInProgress() {
        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        panel->scenarioBox()->setCurrentText(QStringLiteral("steady"));
        panel->replicatesBox()->setValue(1);
        panel->durationBox()->setValue(200000);
        panel->run();
        QTest::qWait(100);
        w->document()->resetProject(testing::smallProject());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->runner()->running(), 15000);   // stopped, not left to run for hours
        QVERIFY(!panel->report().has_value());
        QCOMPARE(panel->chart()->points(), 0);
        QVERIFY(!panel->csvButton()->isEnabled());
    }

    // Another variant hides the run (its chart, summary and exports); the
    // variant it was simulated against shows it again.
    void aRunBelongsToItsVariant() {
        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        runToEnd(panel, QStringLiteral("kill-two-web"), 90);
        QVERIFY(panel->report().has_value());
        const QString summary = panel->summaryText();
        QVERIFY(!summary.isEmpty());
        w->variants()->duplicateCurrent();   // and shows the copy
        QApplication::processEvents();
        QCOMPARE(w->document()->currentVariant(), 1);
        QVERIFY(!panel->runShown());
        QCOMPARE(panel->chart()->points(), 0);
        QVERIFY(panel->summaryText().isEmpty());
        QVERIFY(!panel->csvButton()->isEnabled());
        QTemporaryDir dir;
        QVERIFY(!panel->exportJson(dir.filePath(QStringLiteral("other.json"))));
        QVERIFY2(panel->statusText().contains(QStringLiteral("variant")), qPrintable(panel->statusText()));
        w->document()->setCurrentVariant(0);
        QApplication::processEvents();
        QVERIFY(panel->runShown());
        QCOMPARE(panel->chart()->points(), 90);
        QCOMPARE(panel->summaryText(), summary);
        QVERIFY(panel->csvButton()->isEnabled());
    }

    void saveDialogsAddTheFiltersExtension() {
        QCOMPARE(views::withFilterExtension(QStringLiteral("/t/run"), QStringLiteral("CSV (*.csv)")), QStringLiteral("/t/run.csv"));
        QCOMPARE(views::withFilterExtension(QStringLiteral("/t/run."), QStringLiteral("CSV (*.csv)")), QStringLiteral("/t/run.csv"));
        QCOMPARE(views::withFilterExtension(QStringLiteral("/t/r.PDF"), QStringLiteral("PDF (*.pdf)")), QStringLiteral("/t/r.PDF"));
        QCOMPARE(views::withFilterExtension(QStringLiteral("/t/v1.2"), QStringLiteral("JSON (*.json)")), QStringLiteral("/t/v1.2.json"));
        QCOMPARE(views::withFilterExtension(QStringLiteral("/t/x"), QStringLiteral("All files (*)")), QStringLiteral("/t/x"));

        auto w = openWindow(threeTier());
        QVERIFY(w);
        views::SimulationPanel* panel = w->simulation();
        runToEnd(panel, QStringLiteral("spike-x3"), 30);
        QVERIFY(panel->report().has_value());
        QTemporaryDir dir;
        // Through the real buttons and dialogs, a name typed without extension.
        answerFileDialog(dir.filePath(QStringLiteral("series")));
        panel->csvButton()->click();
        QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("series.csv"))), qPrintable(panel->statusText()));
        answerFileDialog(dir.filePath(QStringLiteral("series")));
        panel->jsonButton()->click();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("series.json"))));
        QAction* pdf = nullptr;
        for (QAction* a : w->findChildren<QAction*>())
            if (a->text().startsWith(QStringLiteral("Export &Report"))) pdf = a;
        QVERIFY(pdf);
        answerFileDialog(dir.filePath(QStringLiteral("capacity")));
        pdf->trigger();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("capacity.pdf"))));
        answerFileDialog(dir.filePath(QStringLiteral("design")));
        w->files()->exportJson();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("design.json"))));
        answerFileDialog(dir.filePath(QStringLiteral("project")));
        QVERIFY(w->files()->saveAs());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("project.swproj"))));
        QCOMPARE(w->files()->path(), QFileInfo(dir.filePath(QStringLiteral("project.swproj"))).absoluteFilePath());
        w->files()->closed();
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
