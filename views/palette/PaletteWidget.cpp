#include "views/palette/PaletteWidget.h"

#include <QMimeData>

#include "model/Component.h"
#include "views/ViewIds.h"
#include "views/theme/Icons.h"

namespace sw::views {
namespace {
constexpr int kKeyRole = Qt::UserRole + 1;

const char* kHelp[] = {
    "People using the system, with their share of the users and where they are",
    "Name resolution; GeoDNS sends users to their nearest healthy region",
    "Edge cache for static and cacheable responses",
    "Spreads requests over the instances behind it and health-checks them",
    "An application tier: stateless instances behind a balancer",
    "In-memory cache in front of a database",
    "A database: primary, read replica or shard",
    "A queue or stream with partitions and consumers",
    "Object storage for files and media",
};

void addHeader(QListWidget* list, const QString& text) {
    auto* item = new QListWidgetItem(text.toUpper(), list);
    item->setFlags(Qt::NoItemFlags);
    QFont f = list->font();
    f.setPixelSize(10);
    f.setBold(true);
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    item->setFont(f);
    item->setSizeHint(QSize(0, 28));
}
}  // namespace

PaletteWidget::PaletteWidget(QWidget* parent) : QListWidget(parent) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(26, 26));
    setSpacing(1);
    setFrameShape(QFrame::NoFrame);
    setUniformItemSizes(false);
    setMouseTracking(true);
    addHeader(this, tr("Containers"));
    auto add = [this](const QString& key, const QIcon& icon, const QString& label, const QString& help) {
        auto* item = new QListWidgetItem(icon, label, this);
        item->setData(kKeyRole, key);
        item->setToolTip(help);
        item->setStatusTip(help);
        item->setSizeHint(QSize(0, 36));
    };
    add(QStringLiteral("region"), namedIcon(QStringLiteral("region")), tr("Region"),
        tr("A cloud region: a failure domain with a location"));
    add(QStringLiteral("zone"), namedIcon(QStringLiteral("zone")), tr("Availability zone"),
        tr("An availability zone inside a region"));
    addHeader(this, tr("Components"));
    for (int i = 0; i < kComponentKindCount; ++i) {
        const auto kind = static_cast<ComponentKind>(i);
        const auto key = kindKey(kind), label = kindLabel(kind);
        add(QString::fromLatin1(key.data(), key.size()), kindIcon(kind), QString::fromLatin1(label.data(), label.size()),
            tr(kHelp[i]));
    }
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        const QString key = item->data(kKeyRole).toString();
        if (!key.isEmpty()) emit activatedKey(key);
    });
}

QStringList PaletteWidget::keys() const {
    QStringList out;
    for (int i = 0; i < count(); ++i)
        if (QString k = item(i)->data(kKeyRole).toString(); !k.isEmpty()) out << k;
    return out;
}

QMimeData* PaletteWidget::mimeFor(const QString& key) {
    auto* m = new QMimeData;
    m->setData(kPaletteMime, key.toUtf8());
    return m;
}

QMimeData* PaletteWidget::mimeData(const QList<QListWidgetItem*>& items) const {
    if (items.isEmpty()) return nullptr;
    return mimeFor(items.front()->data(kKeyRole).toString());
}

QStringList PaletteWidget::mimeTypes() const { return {QString::fromLatin1(kPaletteMime)}; }

}  // namespace sw::views
