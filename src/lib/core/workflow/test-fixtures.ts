/** Small, valid spec documents for the workflow tests (imported by tests only). */

export const REQUIREMENTS = `# Requirements Document

## Introduction

Recipe Box saves recipes from the web.

## Glossary

- **Recipe_Box**: The web application.

## Requirements

### Requirement 1: Import a recipe

**User Story:** As a cook, I want to paste a URL, so that I do not retype recipes.

#### Acceptance Criteria

1. WHEN the user submits a URL with recipe data, THE Recipe_Box SHALL create a recipe.
2. IF the page has no recipe data, THEN THE Recipe_Box SHALL show "No recipe found".

### Requirement 2: Scale servings

**User Story:** As a cook, I want to scale a recipe, so that it feeds my guests.

#### Acceptance Criteria

1. WHEN the user sets servings to N, THE Recipe_Box SHALL multiply each quantity by N divided by the original servings.
`;

export const BUGFIX = `# Bugfix Requirements Document

## Introduction

Fractions show as NaN.

## Bug Analysis

### Current Behavior (Defect)

1.1 WHEN a quantity is "1/2" THEN the system shows "NaN cup"

### Expected Behavior (Correct)

2.1 WHEN a quantity is "1/2" THEN the system SHALL scale it as 0.5

### Unchanged Behavior (Regression Prevention)

3.1 WHEN a quantity is "0.5" THEN the system SHALL CONTINUE TO scale it as before
`;

export const DESIGN = `# Design Document: Recipe Box

## Overview

A single-page app.

## Architecture

\`\`\`mermaid
flowchart LR
  UI --> Store
\`\`\`

## Correctness Properties

### Property 1: Scaling round trip

*For any* recipe and servings N, scaling to N and back yields the original quantities.

**Validates: Requirements 2.1**
`;

export const TASKS = `# Implementation Plan: Recipe Box

## Tasks

- [x] 1. Set up the data model
  - _Requirements: 1.1_

- [ ] 2. Implement import
  - [x] 2.1 Parse recipe data
    - _Requirements: 1.1_
  - [ ] 2.2 Show the no-recipe message
    - _Requirements: 1.2_
  - [ ]* 2.3 Write property test for import
    - _Requirements: 1.1_

- [ ] 3. Checkpoint - Ensure all tests pass, ask the user if questions arise.

- [ ]* 4. Optional polish
  - [x] 4.1 Animations
`;
