#include "views/theme/Icons.h"

#include <QHash>
#include <QSvgRenderer>

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

QSvgRenderer* namedRenderer(const QString& name) {
    initResources();
    static QHash<QString, QSvgRenderer*> cache;   // intentionally lives until exit
    auto it = cache.find(name);
    if (it != cache.end()) return *it;
    auto* r = new QSvgRenderer(QStringLiteral(":/icons/%1.svg").arg(name));
    cache.insert(name, r);
    return r;
}

QSvgRenderer* kindRenderer(ComponentKind kind) {
    return namedRenderer(QString::fromLatin1(kindKey(kind).data(), kindKey(kind).size()));
}

}  // namespace sw::views
