import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { storedFile } from './app';
import { approveShown, chatPosts, doc, lastUserOf, newSpec, phase, phases, setUpModel, specDir, systemPromptOf, test } from './spec-helpers';
import { BUGFIX_TASKS_NOTE, DESIGN_FIRST_NOTE, REQUIREMENTS_FROM_DESIGN_NOTE } from '../../src/lib/core/workflow/templates';

/* Spec kinds other than the requirements-first feature: a bug fix and a design-first feature. */

const scenario = (file: string) => readFileSync(new URL(`../servers/mock-llm/scenarios/${file}`, import.meta.url), 'utf8');

test('a bugfix spec goes from bug report to approved bug analysis, design and tasks', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'The todo counter says "3 items left" when one of the three items is done', { type: 'Bug fix' });

	await expect(phases(page)).toHaveCount(3);
	await expect(phases(page).nth(0)).toHaveAccessibleName(/^Bug analysis \(/);
	await expect(doc(page).getByRole('heading', { name: 'Bugfix Requirements Document' })).toBeVisible();
	await expect(doc(page).getByRole('heading', { name: 'Unchanged Behavior (Regression Prevention)' })).toBeVisible();
	await approveShown(page);
	await expect(phase(page, 'Bug analysis')).toHaveAttribute('data-state', 'approved');

	await expect(doc(page).getByRole('heading', { name: 'Design Document: Open-Items Counter Fix' })).toBeVisible();
	await approveShown(page);
	await expect(doc(page).getByRole('heading', { name: 'Implementation Plan: Open-Items Counter Fix' })).toBeVisible();
	await approveShown(page);
	for (const name of ['Bug analysis', 'Design', 'Tasks']) await expect(phase(page, name)).toHaveAttribute('data-state', 'approved');

	const dir = await specDir(page);
	const bugfix = (await storedFile(page, `${dir}/bugfix.md`)) ?? '';
	expect(bugfix).toBe(scenario('spec-bugfix.md'));
	expect(bugfix).toMatch(/^# Bugfix Requirements Document\n\n## Introduction\n/);
	const sections = ['## Bug Analysis', '### Current Behavior (Defect)', '### Expected Behavior (Correct)', '### Unchanged Behavior (Regression Prevention)'];
	const at = sections.map((heading) => bugfix.indexOf(`\n${heading}\n`));
	expect(at.every((i) => i > 0)).toBe(true);
	expect([...at].sort((a, b) => a - b)).toEqual(at);
	expect(bugfix).toMatch(/^1\.1 WHEN .+ THEN the system /m);
	expect(bugfix).toMatch(/^2\.1 WHEN .+ THEN the system SHALL /m);
	expect(bugfix).toMatch(/^3\.1 WHEN .+ THEN the system SHALL CONTINUE TO /m);
	expect(await storedFile(page, `${dir}/requirements.md`)).toBeNull();
	expect(await storedFile(page, `${dir}/design.md`)).toMatch(/^# Design Document: Open-Items Counter Fix\n/);
	expect(await storedFile(page, `${dir}/tasks.md`)).toContain('- [ ] 1. Write a test that reproduces the wrong count');
	const config = JSON.parse((await storedFile(page, `${dir}/.config.kiro`)) ?? '{}');
	expect(config).toMatchObject({ specType: 'bugfix' });
	expect(config.specId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

	const chats = chatPosts(llm);
	expect(chats).toHaveLength(3);
	expect(systemPromptOf(chats[0])).toContain('Write bugfix.md in exactly this format');
	expect(lastUserOf(chats[0])).toContain('# Bug report');
	expect(systemPromptOf(chats[1])).toContain('Write design.md in exactly this format');
	expect(lastUserOf(chats[1])).toContain('<document file="bugfix.md">');
	expect(systemPromptOf(chats[2])).toContain('Write tasks.md in exactly this format');
	expect(lastUserOf(chats[2])).toContain(BUGFIX_TASKS_NOTE);
	expect(lastUserOf(chats[2])).toContain('Property 1: The counter counts open items only');
});

test('a design-first spec writes the design, then the requirements, then the tasks', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list with filters that is stored in the browser', { workflow: 'Design first' });

	await expect(doc(page).getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	await expect(phases(page)).toHaveCount(3);
	const expectPhases = async (states: [string, string, string]) => {
		for (const [i, name] of ['Design', 'Requirements', 'Tasks'].entries()) {
			await expect(phases(page).nth(i)).toHaveAccessibleName(`${name} (${states[i]})`);
		}
	};
	await expect(page.getByText('Writing design.md')).toBeHidden();
	await expectPhases(['draft', 'missing', 'missing']);
	await approveShown(page);

	await expect(doc(page).getByRole('heading', { name: 'Requirement 1' })).toBeVisible();
	await expect(page.getByText('Writing requirements.md')).toBeHidden();
	await expectPhases(['approved', 'draft', 'missing']);
	await approveShown(page);

	await expect(doc(page).getByRole('heading', { name: 'Implementation Plan' })).toBeVisible();
	await expect(page.getByText('Writing tasks.md')).toBeHidden();
	await expectPhases(['approved', 'approved', 'draft']);
	await approveShown(page);
	await expectPhases(['approved', 'approved', 'approved']);

	const chats = chatPosts(llm);
	expect(chats).toHaveLength(3);
	expect(systemPromptOf(chats[0])).toContain('Write design.md');
	expect(systemPromptOf(chats[1])).toContain('Write requirements.md');
	expect(systemPromptOf(chats[2])).toContain('Write tasks.md');
	// The design was asked for without requirements; the requirements were derived from the design.
	expect(lastUserOf(chats[0])).toContain(DESIGN_FIRST_NOTE);
	expect(lastUserOf(chats[1])).toContain(REQUIREMENTS_FROM_DESIGN_NOTE);
	expect(lastUserOf(chats[1])).toContain('Property 1: Adding keeps every other item');
	expect(lastUserOf(chats[2])).toContain('Requirement 1');

	const dir = await specDir(page);
	expect(JSON.parse((await storedFile(page, `${dir}/.config.kiro`)) ?? '{}')).toMatchObject({
		specType: 'feature',
		workflowType: 'design-first'
	});
	expect(await storedFile(page, `${dir}/design.md`)).toMatch(/^# Design Document: Todo List\n/);
	expect(await storedFile(page, `${dir}/requirements.md`)).toMatch(/^# Requirements Document\n/);
	expect(await storedFile(page, `${dir}/tasks.md`)).toMatch(/^# Implementation Plan\n/);
});
