// Says whether a project file is already open in another Scalewright window
// (in this process or another) with a QLockFile keyed by the file's path.
#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace sw::views {

class ProjectLock {
public:
    ProjectLock();
    ~ProjectLock();
    // Takes the lock for `path` (releasing any previous one); false when
    // another window holds it.
    bool acquire(const QString& path);
    void release();
    QString path() const { return path_; }

private:
    std::unique_ptr<QLockFile> lock_;
    QString path_;
};

}  // namespace sw::views
