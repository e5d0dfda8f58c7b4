// `scalewright screenshot FILE -o OUT.png [--size WxH] [--theme light|dark] [--view V]`:
// renders the main window with a project open, headless, for docs and checks.
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <QDockWidget>
#include <QTabWidget>

#include "app/cli/VerbParser.h"
#include "model/TextFile.h"
#include "views/canvas/DiagramScene.h"
#include "views/compare/ComparePanel.h"
#include "views/walkthrough/WalkthroughPanel.h"
#include <QGraphicsView>
#include "app/gui/FileController.h"
#include "app/gui/InsightController.h"
#include "app/gui/MainWindow.h"
#include "views/canvas/CanvasView.h"
#include "views/document/DesignDocument.h"
#include "views/simulation/SimulationPanel.h"
#include "views/simulation/SimulationRunner.h"

namespace sw::cli {

// One insight dock raised, given most of the window's height, drawn from
// the open design's analysis.
static void showInsightView(app::MainWindow* window, const QString& key) {
    QDockWidget* dock = window->insights()->dock(key);
    dock->show();
    dock->raise();
    QApplication::processEvents();
    window->resizeDocks({dock}, {window->height() * 11 / 20}, Qt::Vertical);
    window->insights()->refresh(key);
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300) QApplication::processEvents(QEventLoop::AllEvents, 50);
}

// The Walkthrough dock raised, walking the open design, at one step.
static void showWalkthroughStep(app::MainWindow* window, int step) {
    auto* panel = window->walkthrough();
    for (QDockWidget* d : window->findChildren<QDockWidget*>())
        if (d->widget() == panel) d->raise();
    panel->setFromDesign(true);
    panel->showStage(step - 1);
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 900) QApplication::processEvents(QEventLoop::AllEvents, 50);   // the fade-in
    panel->previewScene()->views().front()->viewport()->update();
}

int runScreenshot(const QStringList& args, Io& io) {
    VerbParser vp("Render the main window with FILE open to a PNG image (works without a display).", "FILE");
    QCommandLineOption out(QStringList{"o", "output"}, "The PNG to write.", "OUT.png");
    QCommandLineOption size("size", "Window size in pixels (default 1600x1000).", "WxH", "1600x1000");
    QCommandLineOption theme("theme", "light or dark (default light).", "THEME", "light");
    QCommandLineOption variant("variant", "The variant to show (default: the first).", "NAME");
    QCommandLineOption simulate("simulate", "Run this scenario in the simulation panel first.", "SCENARIO");
    QCommandLineOption simDuration("sim-duration", "Simulated seconds for --simulate (default: the scenario's).", "T", "0");
    QCommandLineOption walk("walkthrough", "Show the Walkthrough dock at its STEP-th stage (1 = the first).", "STEP");
    QCommandLineOption compare("compare", "Show the Compare dock on this tab: figures, sensitivity or cost.", "TAB");
    QCommandLineOption view("view", "Raise this insight view: " + app::InsightController::keys().join(", ") + ".", "VIEW");
    QCommandLineOption json("json", "Say what was written as JSON (output, width, height, bytes).");
    for (const auto* o : {&out, &size, &theme, &variant, &simulate, &simDuration, &walk, &compare, &view, &json}) vp.parser().addOption(*o);
    if (auto rc = vp.parse(args, io, 1, 1)) return *rc;
    const QString file = vp.parser().positionalArguments().front();
    if (!vp.parser().isSet(out)) {
        io.err << args[0] << ": -o OUT.png is required\n";
        return kUsage;
    }
    const auto m = QRegularExpression(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$")).match(vp.parser().value(size));
    if (!m.hasMatch()) {
        io.err << args[0] << ": --size wants WIDTHxHEIGHT, e.g. 1600x1000, not '" << vp.parser().value(size) << "'\n";
        return kUsage;
    }
    const QString themeName = vp.parser().value(theme);
    if (themeName != QLatin1String("light") && themeName != QLatin1String("dark")) {
        io.err << args[0] << ": --theme is light or dark, not '" << themeName << "'\n";
        return kUsage;
    }
    if (auto problem = outputPathProblem(vp.parser().value(out).toStdString())) {
        io.err << args[0] << ": " << shown(*problem) << "\n";
        return kUsage;
    }
    const QString viewKey = vp.parser().value(view);
    if (vp.parser().isSet(view) && !app::InsightController::keys().contains(viewKey)) {
        io.err << args[0] << ": --view is " << app::InsightController::keys().join(", ") << ", not '" << viewKey << "'\n";
        return kUsage;
    }
    auto project = loadOrReport(file, io);
    if (!project) return kUsage;
    const Design* design = pickVariant(*project, vp.parser().value(variant), io);
    if (!design) return kUsage;
    const int variantIndex = static_cast<int>(design - project->variants.data());
    const QString scenario = vp.parser().value(simulate);
    if (!scenario.isEmpty() && !project->findScenario(scenario.toStdString())) {
        io.err << args[0] << ": --simulate: the project has no scenario '" << scenario << "'\n";
        return kUsage;
    }
    bool durationOk = false;
    const double duration = vp.parser().value(simDuration).toDouble(&durationOk);
    if (!durationOk || duration < 0) {
        io.err << args[0] << ": --sim-duration wants seconds >= 0, not '" << vp.parser().value(simDuration) << "'\n";
        return kUsage;
    }

    QStandardPaths::setTestModeEnabled(true);   // keep the user's settings and recovery folder out of it
    auto* window = new app::MainWindow;
    window->setThemeName(themeName);
    QString error;
    if (file == QLatin1String("-")) {
        window->document()->resetProject(*project);   // standard input is read once, above
    } else if (!window->files()->openFile(file, &error)) {
        io.err << args[0] << ": " << error << "\n";
        delete window;
        return kUsage;
    }
    window->document()->setCurrentVariant(variantIndex);
    window->resize(m.captured(1).toInt(), m.captured(2).toInt());
    window->show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300) QApplication::processEvents(QEventLoop::AllEvents, 50);
    window->view()->fitToContents();
    QApplication::processEvents();
    if (!scenario.isEmpty()) {
        views::SimulationPanel* panel = window->simulation();
        panel->scenarioBox()->setCurrentText(scenario);
        panel->durationBox()->setValue(duration);
        panel->run();
        panel->runner()->wait();
        QApplication::processEvents();
        io.err << "simulation: " << panel->statusText() << "\n";
    }
    if (vp.parser().isSet(walk)) showWalkthroughStep(window, vp.parser().value(walk).toInt());
    if (vp.parser().isSet(compare)) {
        const QStringList tabs{"figures", "sensitivity", "cost"};
        const int tab = tabs.indexOf(vp.parser().value(compare));
        auto* panel = window->findChild<views::ComparePanel*>();
        if (tab < 0 || !panel) {
            io.err << args[0] << ": --compare is figures, sensitivity or cost, not '" << vp.parser().value(compare) << "'\n";
            delete window;
            return kUsage;
        }
        if (auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget())) {
            dock->show();
            dock->raise();
        }
        panel->tabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        panel->recompute();
        if (tab == 1) panel->recomputeSensitivity();
        settle.restart();
        while (settle.elapsed() < 300) QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (vp.parser().isSet(view)) showInsightView(window, viewKey);
    const QImage image = window->grab().toImage();
    const QString outPath = vp.parser().value(out);
    const bool ok = image.save(outPath, "PNG");
    window->files()->closed();
    delete window;
    if (!ok) {
        io.err << args[0] << ": cannot write " << outPath << "\n";
        return kUsage;
    }
    const qint64 bytes = QFileInfo(outPath).size();
    if (vp.parser().isSet(json))
        io.out << QJsonDocument(QJsonObject{{"output", outPath},
                                            {"width", image.width()},
                                            {"height", image.height()},
                                            {"theme", themeName},
                                            {"bytes", bytes}})
                      .toJson(QJsonDocument::Indented);
    else
        io.out << "wrote " << outPath << " (" << image.width() << "x" << image.height() << ", " << bytes << " bytes)\n";
    return kOk;
}

}  // namespace sw::cli
