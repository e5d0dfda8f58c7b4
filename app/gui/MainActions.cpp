#include "app/gui/MainActions.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFileInfo>
#include <QLocale>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QToolBar>
#include <QUndoStack>

#include "app/gui/FileController.h"
#include "app/gui/HelpWindows.h"
#include "app/gui/MainWindow.h"
#include "views/dialogs/ExportDialog.h"
#include "views/dialogs/SaveDialog.h"
#include "views/export/CanvasExport.h"
#include "views/report/CapacityReport.h"
#include "views/views.h"

namespace sw::app {
namespace {

// The platform's keys for a standard action and the ones docs/user-guide.md
// documents: the platform theme decides QKeySequence's standard keys, and
// without a desktop's theme (Xvfb, a plain window manager) SaveAs has none
// and Redo lacks Ctrl+Y. The documented keys come first (the menu shows them).
QList<QKeySequence> keys(QKeySequence::StandardKey standard, std::initializer_list<QKeySequence> documented) {
    QList<QKeySequence> out(documented);
    for (const QKeySequence& k : QKeySequence::keyBindings(standard))
        if (!out.contains(k)) out << k;
    return out;
}

}  // namespace

MainActions::MainActions(MainWindow* window) : QObject(window), w_(window) {
    buildFileMenu();
    buildEditMenu();
    buildViewMenu();
    buildArrangeMenu();
    buildSimulateMenu();
    buildToolbar();
    QMenu* help = w_->menuBar()->addMenu(tr("&Help"));
    connect(add(help, tr("&User Guide"), QKeySequence::HelpContents, tr("The user guide bundled with this build")),
            &QAction::triggered, this, [this] { showUserGuide(w_); });
    connect(add(help, tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
                tr("Every shortcut of this window, searchable")),
            &QAction::triggered, this, [this] { showShortcuts(w_); });
    help->addSeparator();
    connect(help->addAction(tr("&About Scalewright")), &QAction::triggered, w_, [this] {
        QMessageBox::about(w_, tr("About Scalewright"),
                           tr("<b>Scalewright %1</b><br>Architecture design and capacity planning.<br>"
                              "See docs/user-guide.md for the canvas gestures and shortcuts.")
                               .arg(QStringLiteral(SCALEWRIGHT_VERSION)));
    });
}

QAction* MainActions::add(QMenu* menu, const QString& text, const QKeySequence& key, const QString& tip) {
    return add(menu, text, QList<QKeySequence>{key}, tip);
}

QAction* MainActions::add(QMenu* menu, const QString& text, const QList<QKeySequence>& keys, const QString& tip) {
    auto* a = menu->addAction(text);
    QList<QKeySequence> set;
    for (const QKeySequence& k : keys)
        if (!k.isEmpty()) set << k;
    if (!set.isEmpty()) a->setShortcuts(set);
    if (!tip.isEmpty()) a->setStatusTip(tip);
    return a;
}

void MainActions::buildFileMenu() {
    FileController* f = w_->files();
    QMenu* m = w_->menuBar()->addMenu(tr("&File"));
    connect(add(m, tr("&New"), keys(QKeySequence::New, {QKeySequence(Qt::CTRL | Qt::Key_N)}), tr("Start an empty project in this window")), &QAction::triggered, f,
            &FileController::newFile);
    connect(add(m, tr("New &Window"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)), &QAction::triggered, w_, [] {
        auto* w = new MainWindow;
        w->show();
    });
    connect(add(m, tr("&Open…"), keys(QKeySequence::Open, {QKeySequence(Qt::CTRL | Qt::Key_O)}), tr("Open a .swproj project or a JSON design")), &QAction::triggered,
            f, &FileController::open);
    recent_ = m->addMenu(tr("Open &Recent"));
    connect(f, &FileController::recentFilesChanged, this, &MainActions::rebuildRecent);
    rebuildRecent();
    m->addSeparator();
    connect(add(m, tr("&Save"), keys(QKeySequence::Save, {QKeySequence(Qt::CTRL | Qt::Key_S)})), &QAction::triggered, f, &FileController::save);
    connect(add(m, tr("Save &As…"), keys(QKeySequence::SaveAs, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)})), &QAction::triggered, f, &FileController::saveAs);
    m->addSeparator();
    connect(add(m, tr("&Import JSON…"), QKeySequence()), &QAction::triggered, f, &FileController::importJson);
    connect(add(m, tr("&Export JSON…"), QKeySequence()), &QAction::triggered, f, &FileController::exportJson);
    connect(add(m, tr("Export &Report as PDF…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                tr("The capacity report of the variant on show (with the last simulation run, if any)")),
            &QAction::triggered, this, &MainActions::exportReport);
    exportAction = add(m, tr("E&xport…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                       tr("The canvas (PNG, SVG, PDF), the topology (DOT, Mermaid, Structurizr) or a table (CSV)"));
    connect(exportAction, &QAction::triggered, this, &MainActions::exportDesign);
    m->addSeparator();
    connect(add(m, tr("&Print…"), keys(QKeySequence::Print, {QKeySequence(Qt::CTRL | Qt::Key_P)}), tr("Print the canvas of the variant on show")),
            &QAction::triggered, this, &MainActions::printCanvas);
    m->addSeparator();
    connect(add(m, tr("&Close Window"), keys(QKeySequence::Close, {QKeySequence(Qt::CTRL | Qt::Key_W)})), &QAction::triggered, w_, &QWidget::close);
    connect(add(m, tr("&Quit"), keys(QKeySequence::Quit, {QKeySequence(Qt::CTRL | Qt::Key_Q)})), &QAction::triggered, qApp, &QApplication::closeAllWindows);
}

void MainActions::exportReport() {
    const QString base = w_->files()->path().isEmpty() ? QStringLiteral("report") : QFileInfo(w_->files()->path()).completeBaseName();
    const QString dir = w_->files()->path().isEmpty() ? QString() : QFileInfo(w_->files()->path()).absolutePath() + "/";
    const QString path = views::getSavePath(w_, tr("Export capacity report"), dir + base + QStringLiteral(".pdf"),
                                            tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    views::ReportOptions options;
    options.sourceName = QFileInfo(w_->files()->path()).fileName();
    // The paper people around the user print on: Letter where the locale measures in inches (US), else A4.
    options.paper = QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4;
    const auto& run = w_->simulation()->report();
    const Design& design = w_->document()->design();
    // Only a complete run of the variant on show goes into the report.
    if (run && w_->simulation()->runShown() && !w_->simulation()->isPartial())
        if (const Scenario* s = w_->document()->project().findScenario(run->scenario)) {
            options.simulation = *run;
            options.scenario = *s;
        }
    if (w_->document()->project().variants.size() >= 2)   // the variants side by side, this one the base
        if (auto c = whatif::compare(w_->document()->project(), {}, design.name)) options.comparison = std::move(c).value();
    const views::CapacityReport report(design, options);
    views::PdfInfo written;
    const auto error = report.writePdf(path, &written);
    QApplication::restoreOverrideCursor();
    if (error) QMessageBox::warning(w_, tr("Report not written"), *error);
    else w_->showHint(tr("Wrote %1 (%n %2 page(s))", nullptr, written.pages).arg(path, views::CapacityReport::paperName(options.paper)));
}

void MainActions::exportDesign() {
    const QString base = w_->files()->path().isEmpty() ? QString() : QFileInfo(w_->files()->path()).completeBaseName();
    views::ExportDialog dialog(base, w_);
    if (dialog.exec() != QDialog::Accepted) return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    qint64 bytes = 0;
    const auto error = views::exportToFile(w_->document()->design(), dialog.options(), dialog.path(), &bytes);
    QApplication::restoreOverrideCursor();
    if (error) QMessageBox::warning(w_, tr("Not exported"), *error);
    else w_->showHint(tr("Wrote %1 (%2 bytes)").arg(dialog.path()).arg(bytes));
}

void MainActions::printCanvas() {
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(QString::fromStdString(w_->document()->design().name));
    QPrintDialog dialog(&printer, w_);
    if (dialog.exec() != QDialog::Accepted) return;
    views::CanvasExport(w_->document()->design()).print(printer);
}

void MainActions::rebuildRecent() {
    recent_->clear();
    const QStringList files = FileController::recentFiles();
    for (const QString& path : files) {
        QAction* a = recent_->addAction(QFileInfo(path).fileName());
        a->setStatusTip(path);
        connect(a, &QAction::triggered, w_->files(), [this, path] { w_->files()->openPaths({path}); });
    }
    recent_->setEnabled(!files.isEmpty());
}

void MainActions::buildEditMenu() {
    views::CanvasEditor* ed = w_->scene()->editor();
    QUndoStack* stack = w_->document()->undoStack();
    QMenu* m = w_->menuBar()->addMenu(tr("&Edit"));
    undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(keys(QKeySequence::Undo, {QKeySequence(Qt::CTRL | Qt::Key_Z)}));
    redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(keys(QKeySequence::Redo, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}));
    m->addAction(undo);
    m->addAction(redo);
    m->addSeparator();
    connect(add(m, tr("Cu&t"), keys(QKeySequence::Cut, {QKeySequence(Qt::CTRL | Qt::Key_X)})), &QAction::triggered, this, [this] { copySelection(true); });
    copy = add(m, tr("&Copy"), keys(QKeySequence::Copy, {QKeySequence(Qt::CTRL | Qt::Key_C)}));
    connect(copy, &QAction::triggered, this, [this] { copySelection(false); });
    paste = add(m, tr("&Paste"), keys(QKeySequence::Paste, {QKeySequence(Qt::CTRL | Qt::Key_V)}));
    connect(paste, &QAction::triggered, this, &MainActions::pasteClipboard);
    duplicate = add(m, tr("&Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(duplicate, &QAction::triggered, this, [ed] { ed->duplicateSelection(); });
    remove = add(m, tr("&Delete"), keys(QKeySequence::Delete, {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)}));
    connect(remove, &QAction::triggered, this, [ed] { ed->deleteSelection(); });
    m->addSeparator();
    connect(add(m, tr("Select &All"), keys(QKeySequence::SelectAll, {QKeySequence(Qt::CTRL | Qt::Key_A)})), &QAction::triggered, this, [ed] { ed->selectAll(); });
    connect(add(m, tr("&Find Component…"), keys(QKeySequence::Find, {QKeySequence(Qt::CTRL | Qt::Key_F)})), &QAction::triggered, this, [this] {
        w_->findField()->setFocus();
        w_->findField()->selectAll();
    });
    for (QAction* a : {copy, duplicate, remove}) a->setShortcutContext(Qt::WindowShortcut);
}

void MainActions::copySelection(bool cut) {
    const QString json = w_->scene()->editor()->copySelection();
    if (json.isEmpty()) return;
    auto* mime = new QMimeData;
    mime->setData(views::kClipboardMime, json.toUtf8());
    mime->setText(json);
    QApplication::clipboard()->setMimeData(mime);
    if (cut) w_->scene()->editor()->deleteSelection();
}

void MainActions::pasteClipboard() {
    const QMimeData* m = QApplication::clipboard()->mimeData();
    if (!m) return;
    const QString json = m->hasFormat(views::kClipboardMime) ? QString::fromUtf8(m->data(views::kClipboardMime)) : m->text();
    if (json.trimmed().isEmpty()) return;
    QString why;
    if (!w_->scene()->editor()->paste(json, &why)) w_->showHint(tr("Nothing pasted: %1").arg(why.section('\n', 0, 0)));
}

void MainActions::buildViewMenu() {
    views::CanvasView* v = w_->view();
    QMenu* m = w_->menuBar()->addMenu(tr("&View"));
    connect(add(m, tr("Zoom &In"), keys(QKeySequence::ZoomIn, {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)})), &QAction::triggered, v, &views::CanvasView::zoomIn);
    connect(add(m, tr("Zoom &Out"), keys(QKeySequence::ZoomOut, {QKeySequence(Qt::CTRL | Qt::Key_Minus)})), &QAction::triggered, v, &views::CanvasView::zoomOut);
    connect(add(m, tr("Actual &Size"), QKeySequence(Qt::CTRL | Qt::Key_1)), &QAction::triggered, v,
            &views::CanvasView::zoomReset);
    fit = add(m, tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setIcon(views::namedIcon(QStringLiteral("zoom_fit")));
    connect(fit, &QAction::triggered, v, &views::CanvasView::fitToContents);
    m->addSeparator();
    snap = add(m, tr("Snap to &Grid"), QKeySequence(Qt::CTRL | Qt::Key_G));
    snap->setCheckable(true);
    snap->setChecked(QSettings().value(QStringLiteral("view/snap"), true).toBool());
    w_->scene()->setGridSnap(snap->isChecked());
    connect(snap, &QAction::toggled, this, [this](bool on) {
        w_->scene()->setGridSnap(on);
        QSettings().setValue(QStringLiteral("view/snap"), on);
    });
    QAction* grid = add(m, tr("Show G&rid"), QKeySequence());
    grid->setCheckable(true);
    grid->setChecked(true);
    connect(grid, &QAction::toggled, v, &views::CanvasView::showGrid);
    m->addSeparator();
    auto* themes = new QActionGroup(this);
    for (const auto& [name, label] : {std::pair{QStringLiteral("light"), tr("&Light Theme")},
                                      std::pair{QStringLiteral("dark"), tr("&Dark Theme")}}) {
        QAction* a = m->addAction(label);
        a->setCheckable(true);
        a->setChecked(w_->themeName() == name || (name == QLatin1String("light") && w_->themeName().isEmpty()));
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, n = name] {
            w_->setThemeName(n);
            QSettings().setValue(QStringLiteral("view/theme"), n);
        });
    }
    m->addSeparator();
    QMenu* panels = m->addMenu(tr("&Panels"));
    QMenu* insights = m->addMenu(tr("&Insight Views"));
    for (QDockWidget* d : w_->findChildren<QDockWidget*>())
        (d->objectName().startsWith(QLatin1String("insight_")) ? insights : panels)->addAction(d->toggleViewAction());
}

void MainActions::buildSimulateMenu() {
    views::SimulationPanel* sim = w_->simulation();
    QMenu* m = w_->menuBar()->addMenu(tr("&Simulate"));
    QAction* run = add(m, tr("&Run Scenario"), QKeySequence(Qt::CTRL | Qt::Key_R),
                       tr("Replay the chosen scenario against the variant on show"));
    connect(run, &QAction::triggered, this, [this, sim] {
        w_->simulationDock()->show();
        w_->simulationDock()->raise();
        sim->run();
    });
    connect(add(m, tr("&Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period)), &QAction::triggered, sim,
            &views::SimulationPanel::cancel);
    m->addSeparator();
    m->addAction(w_->simulationDock()->toggleViewAction());
}

void MainActions::buildArrangeMenu() {
    views::CanvasEditor* ed = w_->scene()->editor();
    using A = views::CanvasEditor::Align;
    QMenu* m = w_->menuBar()->addMenu(tr("&Arrange"));
    const std::pair<QString, A> aligns[] = {{tr("Align &Left"), A::Left},       {tr("Align &Centre"), A::HCenter},
                                            {tr("Align &Right"), A::Right},     {tr("Align &Top"), A::Top},
                                            {tr("Align &Middle"), A::VCenter}, {tr("Align &Bottom"), A::Bottom}};
    for (const auto& [text, how] : aligns)
        connect(m->addAction(text), &QAction::triggered, this, [ed, h = how] { ed->align(h); });
    m->addSeparator();
    connect(m->addAction(tr("Distribute &Horizontally")), &QAction::triggered, this,
            [ed] { ed->distribute(Qt::Horizontal); });
    connect(m->addAction(tr("Distribute &Vertically")), &QAction::triggered, this, [ed] { ed->distribute(Qt::Vertical); });
}

void MainActions::buildToolbar() {
    QToolBar* bar = w_->addToolBar(tr("Tools"));
    bar->setObjectName(QStringLiteral("toolsBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools_ = new QActionGroup(this);
    auto tool = [this, bar](const QString& icon, const QString& text, const QKeySequence& key, views::DiagramScene::Tool t) {
        QAction* a = bar->addAction(views::namedIcon(icon), text);
        a->setShortcut(key);
        a->setCheckable(true);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        tools_->addAction(a);
        connect(a, &QAction::triggered, this, [this, t] { w_->scene()->setTool(t); });
        return a;
    };
    selectTool_ = tool(QStringLiteral("tool_select"), tr("Select"), QKeySequence(Qt::Key_V), views::DiagramScene::Tool::Select);
    callTool_ = tool(QStringLiteral("tool_call"), tr("Call edge"), QKeySequence(Qt::Key_C), views::DiagramScene::Tool::ConnectCall);
    replicationTool_ = tool(QStringLiteral("tool_replication"), tr("Replication edge"), QKeySequence(Qt::Key_R),
                            views::DiagramScene::Tool::ConnectReplication);
    selectTool_->setChecked(true);
    connect(w_->scene(), &views::DiagramScene::toolChanged, this, [this](views::DiagramScene::Tool t) {
        (t == views::DiagramScene::Tool::Select ? selectTool_ : t == views::DiagramScene::Tool::ConnectCall ? callTool_
                                                                                                     : replicationTool_)
            ->setChecked(true);
    });
    bar->addSeparator();
    bar->addAction(fit);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    QLineEdit* find = w_->findField();
    find->setPlaceholderText(tr("Find component (Ctrl+F)"));
    find->setClearButtonEnabled(true);
    find->setFixedWidth(240);
    bar->addWidget(find);
    connect(find, &QLineEdit::returnPressed, this, [this, find] {
        const int n = w_->scene()->editor()->selectByName(find->text());
        w_->showHint(n ? tr("%n component(s) match '%1'", nullptr, n).arg(find->text())
                       : tr("No component matches '%1'").arg(find->text()));
        if (n) {
            w_->view()->centerOnSelection();
            w_->view()->setFocus();
        }
    });
}

}  // namespace sw::app
