#include "app/gui/FileController.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

#include "app/gui/MainWindow.h"
#include "model/JsonFormat.h"
#include "model/ProjectIO.h"
#include "views/document/DesignDocument.h"
#include "views/dialogs/SaveDialog.h"
#include "views/document/RecoveryStore.h"

namespace sw::app {
namespace {
constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("files/recent");
const QString kProjectFilter = QObject::tr("Scalewright projects (*.swproj);;JSON designs (*.json);;All files (*)");
}  // namespace

FileController::FileController(MainWindow* window)
    : QObject(window), w_(window), recovery_(std::make_unique<views::RecoverySession>()) {
    autosave_.setInterval(60 * 1000);
    connect(&autosave_, &QTimer::timeout, this, &FileController::autosaveNow);
    autosave_.start();
    connect(window->document()->undoStack(), &QUndoStack::indexChanged, this, [this] { autosaveDirty_ = true; });
}

FileController::~FileController() = default;

bool FileController::isModified() const { return recovered_ || !w_->document()->undoStack()->isClean(); }

QStringList FileController::recentFiles() { return QSettings().value(kRecentKey).toStringList(); }

MainWindow* FileController::windowWithFile(const QString& path) {
    const QString want = QFileInfo(path).absoluteFilePath();
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* mw = qobject_cast<MainWindow*>(top))
            if (!mw->files()->path().isEmpty() && QFileInfo(mw->files()->path()).absoluteFilePath() == want) return mw;
    return nullptr;
}

void FileController::addRecent(const QString& path) {
    QStringList list = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent) list.removeLast();
    QSettings().setValue(kRecentKey, list);
    emit recentFilesChanged();
}

void FileController::setPath(const QString& path) {
    path_ = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    w_->updateTitle();
}

QString FileController::dialogDir() const {
    if (!path_.isEmpty()) return QFileInfo(path_).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

bool FileController::maybeSave() {
    if (!isModified()) return true;
    const auto choice = QMessageBox::warning(
        w_, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them before closing?")
            .arg(path_.isEmpty() ? tr("This project") : QFileInfo(path_).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice == QMessageBox::Save) return save();
    return choice == QMessageBox::Discard;
}

bool FileController::openFile(const QString& path, QString* error) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    if (!path_.isEmpty() && abs == path_) return true;
    views::ProjectLock probe;
    if (!probe.acquire(abs)) {
        if (error) *error = tr("%1 is already open in another Scalewright window.").arg(QFileInfo(abs).fileName());
        return false;
    }
    auto project = loadProject(abs.toStdString());
    if (!project) {
        if (error) *error = QString::fromStdString(project.error());
        return false;
    }
    lock_.release();
    lock_.acquire(abs);
    probe.release();
    recovered_ = false;
    w_->document()->resetProject(std::move(project).value());
    setPath(abs);
    addRecent(abs);
    return true;
}

bool FileController::saveTo(const QString& path, QString* error, bool exportOnly) {
    const std::string p = path.toStdString();
    if (auto err = saveProject(p, w_->document()->project())) {
        if (error) *error = QString::fromStdString(*err);
        return false;
    }
    if (exportOnly) return true;
    if (QFileInfo(path).absoluteFilePath() != path_) {
        lock_.release();
        lock_.acquire(path);
    }
    recovered_ = false;
    w_->document()->undoStack()->setClean();
    setPath(path);
    addRecent(path);
    recovery_->discard();
    autosaveDirty_ = false;
    w_->showHint(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

void FileController::adoptRecovered(const Project& project, const QString& originalPath) {
    w_->document()->resetProject(project);
    if (!originalPath.isEmpty() && lock_.acquire(originalPath)) setPath(originalPath);
    recovered_ = true;
    autosaveDirty_ = true;
    w_->updateTitle();
}

void FileController::closed() {
    autosave_.stop();
    recovery_->discard();
    lock_.release();
}

void FileController::autosaveNow() {
    if (!autosaveDirty_) return;
    if (!isModified()) {
        recovery_->discard();
        autosaveDirty_ = false;
        return;
    }
    const QString err = recovery_->save(w_->document()->project(), path_);
    if (err.isEmpty()) autosaveDirty_ = false;
    else w_->showHint(tr("Autosave failed: %1").arg(err));
}

void FileController::newFile() {
    if (!maybeSave()) return;
    lock_.release();
    recovered_ = false;
    w_->document()->resetProject(Project{});
    recovery_->discard();
    setPath({});
}

void FileController::open() {
    const QString path = QFileDialog::getOpenFileName(w_, tr("Open project"), dialogDir(), kProjectFilter);
    if (!path.isEmpty()) openPaths({path});
}

void FileController::openPaths(const QStringList& paths) {
    if (paths.isEmpty()) return;
    const QString path = paths.front();
    if (MainWindow* other = windowWithFile(path); other && other != w_) {
        QMessageBox::information(w_, tr("Already open"),
                                 tr("%1 is already open in another window; switching to it.").arg(QFileInfo(path).fileName()));
        other->raise();
        other->activateWindow();
        return;
    }
    if (!maybeSave()) return;
    QString error;
    if (!openFile(path, &error))
        QMessageBox::warning(w_, tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
}

bool FileController::save() {
    if (path_.isEmpty() || formatForPath(path_.toStdString()) != ProjectFormat::Swproj) return saveAs();
    QString error;
    if (saveTo(path_, &error)) return true;
    QMessageBox::warning(w_, tr("Cannot save"), error);
    return false;
}

bool FileController::saveAs() {
    QString suggested = path_.isEmpty() ? dialogDir() + QStringLiteral("/untitled.swproj")
                                        : QFileInfo(path_).absolutePath() + "/" + QFileInfo(path_).completeBaseName() +
                                              QStringLiteral(".swproj");
    const QString path = views::getSavePath(w_, tr("Save project as"), suggested, tr("Scalewright projects (*.swproj)"));
    if (path.isEmpty()) return false;
    if (MainWindow* other = windowWithFile(path); other && other != w_) {
        QMessageBox::warning(w_, tr("Cannot save"), tr("%1 is open in another window.").arg(QFileInfo(path).fileName()));
        return false;
    }
    QString error;
    if (saveTo(path, &error)) return true;
    QMessageBox::warning(w_, tr("Cannot save"), error);
    return false;
}

void FileController::importJson() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(w_, tr("Import JSON"), dialogDir(), tr("JSON designs (*.json)"));
    if (path.isEmpty()) return;
    auto project = readProjectJsonFile(path.toStdString());
    if (!project) {
        QMessageBox::warning(w_, tr("Cannot import %1").arg(QFileInfo(path).fileName()),
                             QString::fromStdString(project.error()));
        return;
    }
    lock_.release();
    w_->document()->resetProject(std::move(project).value());
    recovered_ = true;   // imported, not yet saved as a project
    setPath({});
}

void FileController::exportJson() {
    const QString base = path_.isEmpty() ? QStringLiteral("design") : QFileInfo(path_).completeBaseName();
    const QString path = views::getSavePath(w_, tr("Export JSON"), dialogDir() + "/" + base + ".json",
                                            tr("JSON designs (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveTo(path, &error, true)) QMessageBox::warning(w_, tr("Cannot export"), error);
    else w_->showHint(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

}  // namespace sw::app
