#include "views/document/RecoveryStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include "model/JsonFormat.h"

namespace sw::views {
namespace {
QString metaPath(const QString& dir, const QString& id) { return dir + "/" + id + ".meta.json"; }
QString projectPath(const QString& dir, const QString& id) { return dir + "/" + id + ".swjson"; }
QString lockPath(const QString& dir, const QString& id) { return dir + "/" + id + ".lock"; }
}  // namespace

QString defaultRecoveryDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QList<RecoveryEntry> orphanedRecoveries(const QString& dirPath) {
    QList<RecoveryEntry> out;
    QDir dir(dirPath);
    for (const QString& name : dir.entryList({QStringLiteral("*.meta.json")}, QDir::Files, QDir::Time)) {
        const QString id = name.left(name.size() - int(qstrlen(".meta.json")));
        QLockFile lock(lockPath(dirPath, id));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0)) continue;   // its window is still open
        lock.unlock();
        QFile meta(dir.filePath(name));
        if (!meta.open(QIODevice::ReadOnly)) continue;
        const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        RecoveryEntry e;
        e.id = id;
        e.originalPath = o.value(QStringLiteral("original_path")).toString();
        e.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved_at")).toString(), Qt::ISODate);
        e.projectFile = projectPath(dirPath, id);
        if (QFile::exists(e.projectFile)) out << e;
    }
    return out;
}

Result<Project> loadRecovery(const RecoveryEntry& e) { return readProjectJsonFile(e.projectFile.toStdString()); }

void discardRecovery(const RecoveryEntry& e) {
    const QString dir = QFileInfo(e.projectFile).absolutePath();
    QFile::remove(e.projectFile);
    QFile::remove(metaPath(dir, e.id));
    QFile::remove(lockPath(dir, e.id));
}

RecoverySession::RecoverySession(const QString& dir)
    : dir_(dir), id_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    QDir().mkpath(dir_);
    lock_ = std::make_unique<QLockFile>(lockPath(dir_, id_));
    lock_->setStaleLockTime(0);
    lock_->tryLock(0);
}

RecoverySession::~RecoverySession() = default;

QString RecoverySession::save(const Project& project, const QString& originalPath) {
    if (auto err = writeTextFileAtomically(projectPath(dir_, id_).toStdString(), projectToJson(project)))
        return QString::fromStdString(*err);
    const QJsonObject meta{{QStringLiteral("original_path"), originalPath},
                           {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (auto err = writeTextFileAtomically(metaPath(dir_, id_).toStdString(),
                                           QJsonDocument(meta).toJson().toStdString()))
        return QString::fromStdString(*err);
    return {};
}

void RecoverySession::discard() {
    QFile::remove(projectPath(dir_, id_));
    QFile::remove(metaPath(dir_, id_));
}

}  // namespace sw::views
