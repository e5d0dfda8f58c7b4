// The palette: every component kind plus the two containers, with their
// icons; drag one onto the canvas (or double-click to drop it in the middle).
#pragma once

#include <QListWidget>

namespace sw::views {

class PaletteWidget : public QListWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget* parent = nullptr);
    // The keys the palette offers: component kind keys, "region", "zone".
    QStringList keys() const;
    // The drag payload for one key (what a drop on the canvas reads).
    static QMimeData* mimeFor(const QString& key);

signals:
    void activatedKey(const QString& key);

protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;
};

}  // namespace sw::views
