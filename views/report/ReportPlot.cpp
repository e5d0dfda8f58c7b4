#include "views/report/ReportPlot.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPicture>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <qcustomplot.h>

namespace sw::views::report {

namespace {

const QString kPlaceholder = QStringLiteral("report://chart/");

}  // namespace

QString PlotSet::add(QCustomPlot& plot, QSizeF sizeMm, const QString& title) {
    const QSize size(qRound(mmToUnits(sizeMm.width())), qRound(mmToUnits(sizeMm.height())));
    QPicture picture;
    {
        QCPPainter painter(&picture);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot.toPainter(&painter, size.width(), size.height());
    }
    picture.setBoundingRect(QRect(QPoint(0, 0), size));
    plots_.push_back({QByteArray(picture.data(), static_cast<int>(picture.size())), QSizeF(size)});
    return QStringLiteral("<p class='caption'>%1</p><p align='center'><img src='%2%3' width='%4' height='%5'></p>")
        .arg(title.toHtmlEscaped(), kPlaceholder)
        .arg(plots_.size() - 1)
        .arg(size.width())
        .arg(size.height());
}

void PlotSet::install(QTextDocument* doc) const {
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.charFormat().isImageFormat()) continue;
            const QString name = f.charFormat().toImageFormat().name();
            if (!name.startsWith(kPlaceholder)) continue;
            bool ok = false;
            const int index = name.mid(kPlaceholder.size()).toInt(&ok);
            if (!ok || index < 0 || index >= plots_.size()) continue;
            QTextCharFormat object;
            object.setObjectType(PlotObject::kType);
            object.setProperty(PlotObject::kPictureProperty, plots_[index].picture);
            object.setProperty(PlotObject::kSizeProperty, plots_[index].size);
            QTextCursor c(doc);
            c.setPosition(f.position());
            c.setPosition(f.position() + 1, QTextCursor::KeepAnchor);
            c.setCharFormat(object);
            // The caption above stays on the chart's page.
            if (QTextBlock caption = block.previous(); caption.isValid()) {
                QTextBlockFormat keep = caption.blockFormat();
                keep.setProperty(kKeepWithNextProperty, true);
                QTextCursor(caption).setBlockFormat(keep);
            }
            break;   // one chart per placeholder paragraph
        }
    }
}

void registerReportObjects(QTextDocument* doc) {
    auto* handler = new PlotObject(doc);   // owned by the document, like its layout
    doc->documentLayout()->registerHandler(PlotObject::kType, handler);
}

QSizeF PlotObject::intrinsicSize(QTextDocument* doc, int, const QTextFormat& format) {
    const QSizeF size = format.property(kSizeProperty).toSizeF();
    const double column = doc->pageSize().width() > 0 ? doc->pageSize().width() : doc->textWidth();
    if (column <= 0 || size.width() <= column) return size;
    return size * (column / size.width());   // wider than the text: shrink, keeping the aspect
}

void PlotObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& format) {
    const QByteArray data = format.property(kPictureProperty).toByteArray();
    const QSizeF size = format.property(kSizeProperty).toSizeF();
    if (data.isEmpty() || size.isEmpty()) return;
    // The layout also draws a block whose chart it pushed onto the next page;
    // the chart itself lies wholly on one page, so draw it only there (the
    // recording sets clips of its own, so the page's clip cannot stop it).
    if (painter->hasClipping() && !painter->clipBoundingRect().intersects(rect)) return;
    QPicture picture;
    picture.setData(data.constData(), static_cast<uint>(data.size()));
    painter->save();
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / size.width(), rect.height() / size.height());
    painter->setClipRect(QRectF(QPointF(0, 0), size), Qt::IntersectClip);
    painter->drawPicture(0, 0, picture);
    painter->restore();
}

}  // namespace sw::views::report
