// Crash recovery: each window autosaves its project to a recovery folder
// while it holds a lock there; files whose lock is free at start-up were left
// by a session that died, and are offered back.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

#include "model/Design.h"
#include "model/Result.h"

class QLockFile;

namespace sw::views {

struct RecoveryEntry {
    QString id;             // file stem in the recovery folder
    QString originalPath;   // the project's file, "" when never saved
    QDateTime savedAt;
    QString projectFile;    // the autosaved JSON
};

// The recovery folder (QStandardPaths AppDataLocation/recovery unless given).
QString defaultRecoveryDir();

// Recovery files left by sessions that are no longer running.
QList<RecoveryEntry> orphanedRecoveries(const QString& dir);
Result<Project> loadRecovery(const RecoveryEntry& e);
void discardRecovery(const RecoveryEntry& e);

// One window's autosave slot; the lock says "this session is alive".
class RecoverySession {
public:
    explicit RecoverySession(const QString& dir = defaultRecoveryDir());
    ~RecoverySession();   // releases the lock and keeps the files: to a later scan this looks like a crash
    RecoverySession(const RecoverySession&) = delete;
    RecoverySession& operator=(const RecoverySession&) = delete;

    // Writes the project and where it came from; an error message or "".
    QString save(const Project& project, const QString& originalPath);
    // The window closed normally (saved or discarded by the user): remove the files.
    void discard();
    QString id() const { return id_; }

private:
    QString dir_, id_;
    std::unique_ptr<QLockFile> lock_;
};

}  // namespace sw::views
