#include "views/document/ProjectLock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

namespace sw::views {
namespace {
QString lockFor(const QString& path) {
    const QString canonical = QFileInfo(path).absoluteFilePath();
    const QByteArray h = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir::tempPath() + QStringLiteral("/scalewright-") + QString::fromLatin1(h) + QStringLiteral(".lock");
}
}  // namespace

ProjectLock::ProjectLock() = default;
ProjectLock::~ProjectLock() = default;

bool ProjectLock::acquire(const QString& path) {
    if (!path_.isEmpty() && QFileInfo(path).absoluteFilePath() == QFileInfo(path_).absoluteFilePath()) return true;
    auto lock = std::make_unique<QLockFile>(lockFor(path));
    lock->setStaleLockTime(0);   // only a live process keeps the lock
    if (!lock->tryLock(0)) return false;
    lock_ = std::move(lock);
    path_ = path;
    return true;
}

void ProjectLock::release() {
    lock_.reset();
    path_.clear();
}

}  // namespace sw::views
