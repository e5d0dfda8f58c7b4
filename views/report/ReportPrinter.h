// Prints a laid-out capacity report to a PDF: the document's pages on the
// chosen paper, the diagram's pages (portrait or landscape) before the slot
// heading, a footer with the page number on every page, the contents filled
// with the printed page numbers. Written through a temporary file, so a
// failed write leaves nothing behind; a PDF without pages is an error.
#pragma once

#include <QPageSize>
#include <QString>
#include <QVector>

#include <optional>

#include "model/Design.h"

class QTextDocument;

namespace sw::views::report {

struct PrintRequest {
    const QTextDocument* document = nullptr;   // as built; printed from a copy
    const Design* design = nullptr;            // drawn on the diagram's pages
    QString title;                             // footer and PDF metadata
    QPageSize::PageSizeId paper = QPageSize::A4;
    int diagramRow = -1;                       // the contents row of the diagram (-1: none)
};

struct PrintResult {
    int pages = 0;
    int diagramPages = 0;
    QVector<int> contentsPages;   // per contents row, the page printed in it
};

inline constexpr double kColumn = 680;   // layout width of the text, units of 1/96 in (scaled onto the paper)

std::optional<QString> printReport(const PrintRequest& request, const QString& path, PrintResult* result = nullptr);

}  // namespace sw::views::report
