#include "app/gui/MainWindow.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include "app/gui/CompareController.h"
#include "app/gui/Engine.h"
#include "app/gui/FileController.h"
#include "app/gui/InsightController.h"
#include "app/gui/MainActions.h"
#include "views/views.h"
#include "views/walkthrough/WalkthroughPanel.h"

namespace sw::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      doc_(new views::DesignDocument(this)),
      analysis_(new views::LiveAnalysis(doc_, liveEngine(), this)),
      scene_(new views::DiagramScene(doc_, analysis_, this)),
      view_(new views::CanvasView(scene_, this)) {
    views::initResources();
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(views::namedIcon(QStringLiteral("app")));
    setAcceptDrops(true);
    setCentralWidget(view_);
    setDockNestingEnabled(true);
    files_ = std::make_unique<FileController>(this);
    buildDocks();
    new CompareController(this);   // the Compare dock (what-ifs)
    insights_ = new InsightController(this);   // latency, map, growth, cost, availability, replication
    find_ = new QLineEdit(this);
    actions_ = std::make_unique<MainActions>(this);
    buildStatusBar();
    restoreLayout();

    connect(scene_, &QGraphicsScene::selectionChanged, this, [this] { inspector_->setSelection(scene_->selection()); });
    connect(scene_, &views::DiagramScene::hintChanged, this, &MainWindow::showHint);
    connect(view_, &views::CanvasView::hint, this, &MainWindow::showHint);
    connect(view_, &views::CanvasView::filesDropped, files_.get(), &FileController::openPaths);
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(doc_, &views::DesignDocument::variantsChanged, this, &MainWindow::updateTitle);
    connect(doc_, &views::DesignDocument::designReset, this, [this] { QMetaObject::invokeMethod(view_, &views::CanvasView::fitToContents, Qt::QueuedConnection); });
    connect(summary_, &views::SummaryPanel::bottleneckActivated, this, [this](const QString& id) {
        views::Selection s;
        s.components.insert(id.toStdString());
        scene_->selectIds(s);
        view_->centerOnSelection();
    });
    setThemeName(QSettings().value(QStringLiteral("view/theme"), QStringLiteral("light")).toString());
    showHint(tr("Ready. Drag a region, then components, from the palette onto the canvas."));
    updateTitle();
}

MainWindow::~MainWindow() {
    // The panels, scene and controllers go before the document; stop its signals first.
    doc_->undoStack()->disconnect();
    doc_->disconnect();
    analysis_->disconnect();
    scene_->disconnect();
}

void MainWindow::buildDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* w, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        return d;
    };
    palette_ = new views::PaletteWidget(this);
    variants_ = new views::VariantsPanel(doc_, this);
    summary_ = new views::SummaryPanel(doc_, analysis_, this);
    inspector_ = new views::InspectorWidget(doc_, analysis_, this);
    QDockWidget* p = dock(tr("Palette"), QStringLiteral("paletteDock"), palette_, Qt::LeftDockWidgetArea);
    QDockWidget* v = dock(tr("Variants"), QStringLiteral("variantsDock"), variants_, Qt::LeftDockWidgetArea);
    QDockWidget* s = dock(tr("Summary"), QStringLiteral("summaryDock"), summary_, Qt::RightDockWidgetArea);
    QDockWidget* i = dock(tr("Inspector"), QStringLiteral("inspectorDock"), inspector_, Qt::RightDockWidgetArea);
    simulation_ = new views::SimulationPanel(doc_, this);
    simulationDock_ = dock(tr("Simulation"), QStringLiteral("simulationDock"), simulation_, Qt::BottomDockWidgetArea);
    walkthrough_ = new views::WalkthroughPanel(doc_, this);
    tabifyDockWidget(simulationDock_, dock(tr("Walkthrough"), QStringLiteral("walkthroughDock"), walkthrough_, Qt::BottomDockWidgetArea));
    simulationDock_->raise();
    splitDockWidget(p, v, Qt::Vertical);
    splitDockWidget(s, i, Qt::Vertical);
    // The right column runs the full height: the bottom docks (Simulation,
    // Walkthrough, Compare) sit under the palette and the canvas, so the
    // inspector keeps room for its fields instead of a title strip.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    connect(palette_, &views::PaletteWidget::activatedKey, this, [this](const QString& key) {
        const QPointF c = view_->mapToScene(view_->viewport()->rect().center());
        if (key == QLatin1String("region")) scene_->editor()->addRegion(c - QPointF(280, 192));
        else if (key == QLatin1String("zone")) {
            QString why;
            if (!scene_->editor()->addZone(c - QPointF(112, 144), &why)) showHint(why);
        } else if (auto k = kindFromKey(key.toStdString())) scene_->editor()->addComponent(*k, c - QPointF(80, 32));
    });
}

void MainWindow::buildStatusBar() {
    zoomLabel_ = new QLabel(QStringLiteral("100 %"), this);
    countLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(countLabel_);
    statusBar()->addPermanentWidget(zoomLabel_);
    connect(view_, &views::CanvasView::zoomChanged, this, [this](double z) {
        zoomLabel_->setText(QStringLiteral("%1 %").arg(qRound(z * 100)));
    });
    connect(analysis_, &views::LiveAnalysis::updated, this, [this] {
        const auto& d = doc_->design();
        countLabel_->setText(tr("%1 components · %2 edges · %3 regions   ")
                                 .arg(d.components.size()).arg(d.links.size()).arg(d.regions.size()));
    });
}

void MainWindow::restoreLayout() {
    // Back at the size and place it was closed at; the first time, 1440×900
    // or what the screen has room for, centred.
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1440, 900);
        resize(QSize(1440, 900).boundedTo(room.size()));
        move(room.center() - QPoint(width() / 2, height() / 2));
    }
    sizeDocksOnShow_ = !restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    if (sizeDocksOnShow_) {
        sizeDocksOnShow_ = false;
        defaultDockSizes();
    }
}

void MainWindow::defaultDockSizes() {
    // Sized when first shown, at the window's size: the canvas gets most of it, the
    // bottom tabs no more than they need to show their controls.
    auto* p = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
    auto* v = findChild<QDockWidget*>(QStringLiteral("variantsDock"));
    auto* s = findChild<QDockWidget*>(QStringLiteral("summaryDock"));
    auto* i = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    if (!p || !v || !s || !i) return;
    const int h = height();
    resizeDocks({p, v}, {h * 2 / 3, h / 3}, Qt::Vertical);
    resizeDocks({s, i}, {h * 2 / 5, h * 3 / 5}, Qt::Vertical);
    resizeDocks({p, s}, {260, 400}, Qt::Horizontal);
    resizeDocks({simulationDock_}, {h * 3 / 8}, Qt::Vertical);
}

void MainWindow::setThemeName(const QString& name) {
    themeName_ = name == QLatin1String("dark") ? QStringLiteral("dark") : QStringLiteral("light");
    const views::Theme t = views::Theme::byName(themeName_);
    views::applyApplicationTheme(t);
    scene_->setTheme(t);
    simulation_->setTheme(t);
    walkthrough_->setTheme(t);
    view_->viewport()->update();
}

void MainWindow::showHint(const QString& text) { statusBar()->showMessage(text); }

void MainWindow::updateTitle() {
    const QString path = files_->path();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    simulation_->setSourceName(path.isEmpty() ? QString() : QFileInfo(path).fileName());
    const QString variant = QString::fromStdString(doc_->design().name);
    setWindowTitle(QStringLiteral("%1[*] — %2 — Scalewright").arg(name, variant));
    setWindowModified(files_->isModified());
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!files_->maybeSave()) {
        e->ignore();
        return;
    }
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    files_->closed();
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList paths;
    for (const QUrl& u : e->mimeData()->urls())
        if (u.isLocalFile()) paths << u.toLocalFile();
    files_->openPaths(paths);
}

}  // namespace sw::app
