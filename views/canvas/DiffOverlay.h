// Shows on the canvas what a variant changed from the comparison's base:
// added components outlined in the theme's "added" colour, changed ones in
// "changed", removed ones drawn as ghosts where the base had them.
#pragma once

#include <QPointer>

#include "model/Design.h"
#include "views/canvas/DiagramScene.h"
#include "planner/whatif/WhatIf.h"

namespace sw::views {

class DiffOverlay {
public:
    explicit DiffOverlay(DiagramScene* scene) : scene_(scene) {}
    // Marks the scene's items (the variant on show) with the diff from `base`.
    void show(const Design& base, const whatif::DesignDiff& diff);
    void clear();
    int ghostCount() const;

private:
    QPointer<DiagramScene> scene_;   // the window may tear the scene down first
};

}  // namespace sw::views
