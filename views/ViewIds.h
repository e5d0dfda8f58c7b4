// Graphics item type ids and undo command ids, in one place so that
// qgraphicsitem_cast and QUndoCommand::mergeWith never collide.
#pragma once

#include <QGraphicsItem>

namespace sw::views {

enum ItemType : int {
    kComponentItemType = QGraphicsItem::UserType + 1,
    kRegionItemType = QGraphicsItem::UserType + 2,
    kZoneItemType = QGraphicsItem::UserType + 3,
    kLinkItemType = QGraphicsItem::UserType + 4,
    kGhostItemType = QGraphicsItem::UserType + 11,   // a removed component drawn while comparing variants
};

enum CommandId : int {
    kNoMerge = -1,
    kNudgeCommandId = 1,   // consecutive keyboard nudges of one selection merge
};

// Geometry convention shared with the samples (see COMMON.md): a node box is
// 160 x 64 with its top-left corner at the component's (x, y).
inline constexpr double kNodeWidth = 160;
inline constexpr double kNodeHeight = 64;
inline constexpr double kGridSize = 16;

// The drag-and-drop payload of the palette.
inline constexpr const char* kPaletteMime = "application/x-scalewright-palette";
// The clipboard payload: a design fragment in the JSON interchange format.
inline constexpr const char* kClipboardMime = "application/x-scalewright-design+json";

}  // namespace sw::views
