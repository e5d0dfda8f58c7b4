#include "views/theme/Icons.h"

#include <QCoreApplication>
#include <QSvgRenderer>

#include <map>
#include <memory>

static void registerViewsResources() { Q_INIT_RESOURCE(scalewright); }

namespace sw::views {

void initResources() {
    static const bool done = (registerViewsResources(), true);
    (void)done;
}

QString kindIconPath(ComponentKind kind) {
    return QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(kindKey(kind).data(), kindKey(kind).size()));
}

QIcon kindIcon(ComponentKind kind) {
    initResources();
    return QIcon(kindIconPath(kind));
}

QIcon namedIcon(const QString& name) {
    initResources();
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

namespace {

// The cache owns its renderers. They are QObjects, so they are freed when the
// application ends (a post routine runs inside ~QCoreApplication, while Qt
// still works) rather than left to static destruction, and a later
// application starts an empty cache.
std::map<QString, std::unique_ptr<QSvgRenderer>>& rendererCache() {
    static std::map<QString, std::unique_ptr<QSvgRenderer>> cache;
    return cache;
}

void freeRenderers() { rendererCache().clear(); }

}  // namespace

QSvgRenderer* namedRenderer(const QString& name) {
    initResources();
    auto& cache = rendererCache();
    if (cache.empty()) qAddPostRoutine(freeRenderers);
    auto& slot = cache[name];
    if (!slot) slot = std::make_unique<QSvgRenderer>(QStringLiteral(":/icons/%1.svg").arg(name));
    return slot.get();
}

QSvgRenderer* kindRenderer(ComponentKind kind) {
    return namedRenderer(QString::fromLatin1(kindKey(kind).data(), kindKey(kind).size()));
}

}  // namespace sw::views
