// The model module's public face: domain types, catalogues, validation,
// topology and the file formats. Include this, not the parts.
#pragma once

#include "model/Catalogue.h"
#include "model/Component.h"
#include "model/Design.h"
#include "model/FieldSpec.h"
#include "model/JsonFormat.h"
#include "model/Link.h"
#include "model/Placement.h"
#include "model/ProjectIO.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Topology.h"
#include "model/Validation.h"
#include "model/Workload.h"
