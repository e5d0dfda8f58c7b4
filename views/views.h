// The views module's public face: the document, the canvas, the panels and
// the theme. Include this from app/ and tests, not the parts.
#pragma once

#include "views/ViewIds.h"
#include "views/canvas/CanvasEditor.h"
#include "views/canvas/CanvasView.h"
#include "views/canvas/DiagramScene.h"
#include "views/commands/RemoveCommand.h"
#include "views/document/ClipboardCodec.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/inspector/InspectorWidget.h"
#include "views/palette/PaletteWidget.h"
#include "views/panels/SummaryPanel.h"
#include "views/panels/VariantsPanel.h"
#include "views/simulation/SimulationPanel.h"
#include "views/simulation/SimulationRunner.h"
#include "views/theme/Icons.h"
#include "views/theme/Theme.h"
