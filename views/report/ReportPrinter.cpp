#include "views/report/ReportPrinter.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <memory>

#include "views/report/DiagramSheets.h"
#include "views/report/ReportPages.h"
#include "views/report/ReportPlot.h"

namespace sw::views::report {

namespace {

constexpr int kDpi = 96;                 // the layout's units: fonts, charts and the canvas all agree at 96 an inch
constexpr double kFooter = 22;           // footer band, layout units
constexpr double kSheetHeading = 46;     // title and caption over a diagram sheet
const QMarginsF kMarginsMm(16, 14, 16, 12);

QFont uiFont(double px, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(qRound(px));   // layout units: the painter scales them onto the page
    f.setBold(bold);
    return f;
}

void drawFooter(QPainter& p, double width, double top, const QString& title, int page, int pages) {
    p.setFont(uiFont(9));
    p.setPen(QColor(0x9a, 0xa5, 0xb1));
    p.drawLine(QPointF(0, top + 4), QPointF(width, top + 4));
    const QRectF foot(0, top + 6, width, kFooter - 6);
    p.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Scalewright capacity report · %1").arg(title));
    p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Page %1 of %2").arg(page).arg(pages));
}

QSizeF sheetArea(QPageLayout layout, QPageLayout::Orientation o) {
    layout.setOrientation(o);
    const QRect r = layout.paintRectPixels(kDpi);
    return QSizeF(r.width(), r.height() - kSheetHeading - kFooter);
}

}  // namespace

std::optional<QString> printReport(const PrintRequest& request, const QString& path, PrintResult* result) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    QPdfWriter writer(&file);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(request.paper), QPageLayout::Portrait, kMarginsMm, QPageLayout::Millimeter));
    writer.setTitle(request.title);
    writer.setCreator(QStringLiteral("Scalewright"));
    const QPageLayout portrait = writer.pageLayout();

    // The text: a column of kColumn units scaled onto the paper's width.
    const QRect paper = portrait.paintRectPixels(kDpi);
    const double scale = paper.width() / kColumn;
    const double pageHeight = paper.height() / scale - kFooter;
    std::unique_ptr<QTextDocument> doc(request.document->clone());
    registerReportObjects(doc.get());
    doc->setPageSize(QSizeF(kColumn, pageHeight));
    const int documentPages = keepHeadingsWithTheirText(*doc);

    DiagramSheets sheets(*request.design);
    sheets.plan(sheetArea(portrait, QPageLayout::Portrait), sheetArea(portrait, QPageLayout::Landscape));
    const PageMap map = mapPages(*doc, documentPages, sheets.pageCount());
    const QVector<ContentsEntry> contents = contentsEntries(*doc, map, request.diagramRow);
    const int pages = map.printed();
    if (pages <= 0) return QStringLiteral("cannot write %1: the report has no pages").arg(path);

    QPainter painter;
    if (!painter.begin(&writer)) return QStringLiteral("cannot write %1: the PDF could not be started").arg(path);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    int printed = 0;
    auto next = [&](QPageLayout::Orientation o) {
        if (writer.pageLayout().orientation() != o) {
            QPageLayout layout = portrait;
            layout.setOrientation(o);
            writer.setPageLayout(layout);   // applies from the new page on
        }
        if (printed > 0) writer.newPage();
        ++printed;
    };
    auto printDocumentPage = [&](int page) {
        next(QPageLayout::Portrait);
        painter.save();
        painter.scale(scale, scale);
        painter.save();
        painter.translate(0, -page * pageHeight);
        QAbstractTextDocumentLayout::PaintContext context;
        painter.setClipRect(QRectF(0, page * pageHeight, kColumn, pageHeight));
        // The layout draws every line that touches its clip, and a line pushed
        // onto the next page starts exactly at this page's bottom: half a unit
        // in at each edge, so no line is written (invisibly) on two pages.
        context.clip = QRectF(0, page * pageHeight + 0.5, kColumn, pageHeight - 1);
        context.palette.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x33));
        doc->documentLayout()->draw(&painter, context);
        painter.setFont(doc->defaultFont());
        painter.setPen(context.palette.color(QPalette::Text));
        for (const ContentsEntry& e : contents)   // the contents' page numbers, in their cells
            if (e.page > 0 && context.clip.intersects(e.cell))
                painter.drawText(e.cell, Qt::AlignRight | Qt::AlignVCenter, QString::number(e.page));
        painter.restore();
        drawFooter(painter, kColumn, pageHeight, request.title, printed, pages);
        painter.restore();
    };
    auto printSheet = [&](int sheet) {
        next(sheets.orientation());
        const QRect r = writer.pageLayout().paintRectPixels(kDpi);
        const double w = r.width(), h = r.height();
        painter.save();
        painter.setPen(QColor(0x10, 0x2a, 0x43));
        painter.setFont(uiFont(17, true));
        painter.drawText(QRectF(0, 0, w, 24), Qt::AlignLeft | Qt::AlignVCenter, sheets.heading(sheet));
        painter.setPen(QColor(0xcb, 0xd2, 0xd9));
        painter.drawLine(QPointF(0, 26), QPointF(w, 26));
        painter.setPen(QColor(0x52, 0x60, 0x6d));
        painter.setFont(uiFont(10.5));
        painter.drawText(QRectF(0, 28, w, 16), Qt::AlignLeft | Qt::AlignVCenter, sheets.caption(sheet));
        sheets.paint(painter, sheet, QRectF(0, kSheetHeading, w, h - kSheetHeading - kFooter));
        drawFooter(painter, w, h - kFooter, request.title, printed, pages);
        painter.restore();
    };
    for (int page = 0; page < documentPages; ++page) {
        if (page == map.slotPage)
            for (int s = 0; s < map.diagramPages; ++s) printSheet(s);
        printDocumentPage(page);
    }
    if (map.slotPage >= documentPages)
        for (int s = 0; s < map.diagramPages; ++s) printSheet(s);
    if (!painter.end() || printed != pages) return QStringLiteral("cannot write %1: the PDF could not be finished").arg(path);
    if (file.size() <= 0) return QStringLiteral("cannot write %1: the PDF came out empty").arg(path);
    if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (result) {
        *result = PrintResult{pages, map.diagramPages, {}};
        for (const ContentsEntry& e : contents) result->contentsPages << e.page;
    }
    return std::nullopt;
}

}  // namespace sw::views::report
