// A window's files: new, open, save, save as, import/export JSON, recent
// files, the unsaved-changes prompt, the lock against opening one project in
// two windows, and the autosave to the recovery folder.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

#include "model/Design.h"
#include "views/document/ProjectLock.h"

namespace sw::views {
class RecoverySession;
}

namespace sw::app {

class MainWindow;

class FileController : public QObject {
    Q_OBJECT
public:
    explicit FileController(MainWindow* window);
    ~FileController() override;

    QString path() const { return path_; }
    bool isModified() const;
    // Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();
    // Loads a file into the window without prompting; on failure the document
    // is left as it was and `error` says why.
    bool openFile(const QString& path, QString* error);
    // Writes the project (format by extension) and makes it the window's file
    // unless `exportOnly`.
    bool saveTo(const QString& path, QString* error, bool exportOnly = false);
    // Shows a recovered project: modified, remembered as `originalPath`.
    void adoptRecovered(const Project& project, const QString& originalPath);
    void closed();          // the window closed cleanly
    void autosaveNow();     // what the minute timer does
    void setAutosaveInterval(int ms) { autosave_.setInterval(ms); }
    views::RecoverySession* recovery() const { return recovery_.get(); }

    static QStringList recentFiles();
    static MainWindow* windowWithFile(const QString& path);

public slots:
    void newFile();
    void open();
    void openPaths(const QStringList& paths);
    bool save();
    bool saveAs();
    void importJson();
    void exportJson();

signals:
    void recentFilesChanged();

private:
    void addRecent(const QString& path);
    void setPath(const QString& path);
    QString dialogDir() const;

    MainWindow* w_;
    QString path_;
    views::ProjectLock lock_;
    std::unique_ptr<views::RecoverySession> recovery_;
    QTimer autosave_;
    bool recovered_ = false;
    bool autosaveDirty_ = false;
};

}  // namespace sw::app
