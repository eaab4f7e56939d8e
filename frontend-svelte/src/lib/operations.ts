/** The GraphQL operations the UI sends, with the shapes it reads back (checked against the service's schema). */
import type { Progress } from './progress';

export interface ProviderPrompt { provider: string; prompt: string; negativePrompt: string | null }
export interface Enhanced { id: string; category: string; enhanced: string; negativePrompt: string | null; variants: ProviderPrompt[]; cached: boolean }
export interface Quote { provider: string; usd: number | null }
export interface Estimate { provider: string | null; model: string | null; usd: number | null; alternatives: Quote[] }
export interface Decision { chain: string[]; reasons: string[] }
export interface Image { id: string; url: string; width: number; height: number; provider: string; model: string | null; seed: number | null; costUsd: number | null; revisedPrompt: string | null; kind: 'GENERATED' | 'EDITED' | 'UPLOADED'; sourceImageId: string | null }
export interface EditQuote { provider: string; model: string | null; usd: number | null; eligible: boolean; ineligibleReason: string | null }
export interface EditEstimate { provider: string | null; model: string | null; usd: number | null; alternatives: EditQuote[] }
export interface Attempt { provider: string; model: string | null; outcome: string; errorCode: string | null; latencyMs: number | null; prompt: string | null; negativePrompt: string | null }
export interface Job { id: string; status: Progress['status']; stage: string | null; progress: number | null; queuePosition: number | null; etaSeconds: number | null; provider: string | null; images: Image[]; error: { code: string; message: string } | null; attempts: Attempt[] }
export interface Collection { id: string; name: string; description: string | null; visibility: 'PRIVATE' | 'UNLISTED' | 'PUBLIC'; imageCount: number }
export interface ProviderStatus { id: string; model: string | null; configured: boolean; enabled: boolean; health: string; circuit: string; latencyMs: number | null; successRate: number | null; pricePerImageUsd: number | null; modelStatus: string | null; modelShutdownDate: string | null; warnings: string[] }
export interface Usage { todayUsd: number; monthUsd: number; reservedUsd: number; dailyLimitUsd: number; monthlyLimitUsd: number; remainingTodayUsd: number; remainingMonthUsd: number }
export interface Page<T> { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

const IMAGE = 'id url width height provider model seed costUsd revisedPrompt kind sourceImageId';

export const ENHANCE = `mutation($input: EnhancePromptInput!) { enhancePrompt(input: $input) {
  id category enhanced negativePrompt cached variants { provider prompt negativePrompt } } }`;
export const PLAN = `query($input: GenerateImageInput!) {
  estimateCost(input: $input) { provider model usd alternatives { provider usd } }
  selectProvider(input: $input) { chain reasons } }`;
export const GENERATE = `mutation($inputs: [GenerateImageInput!]!) { generateImages(inputs: $inputs) { id status } }`;
export const JOB = `query($id: ID!) { job(id: $id) { id status stage progress queuePosition etaSeconds provider
  images { ${IMAGE} } error { code message } attempts { provider model outcome errorCode latencyMs prompt negativePrompt } } }`;
export const PROGRESS = `subscription($id: ID!) { jobProgress(jobId: $id) {
  jobId status stage progress queuePosition etaSeconds provider message } }`;
export const IMAGES = `query($after: String, $provider: ProviderId) { images(first: 24, after: $after, provider: $provider) {
  edges { cursor node { ${IMAGE} } } pageInfo { hasNextPage endCursor } } }`;
export const DELETE_IMAGE = `mutation($id: ID!) { deleteImage(id: $id) }`;
export const COLLECTIONS = `query { collections(first: 100) { edges { cursor node { id name description visibility imageCount } }
  pageInfo { hasNextPage endCursor } } }`;
export const COLLECTION_IMAGES = `query($id: ID!) { collection(id: $id) { id name visibility imageCount
  images(first: 100) { edges { cursor node { ${IMAGE} } } pageInfo { hasNextPage endCursor } } } }`;
export const CREATE_COLLECTION = `mutation($name: String!, $visibility: Visibility) { createCollection(name: $name, visibility: $visibility) { id name visibility imageCount } }`;
export const UPDATE_COLLECTION = `mutation($id: ID!, $name: String, $visibility: Visibility) { updateCollection(id: $id, name: $name, visibility: $visibility) { id name visibility imageCount } }`;
export const DELETE_COLLECTION = `mutation($id: ID!) { deleteCollection(id: $id) }`;
export const ADD_TO_COLLECTION = `mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id imageCount } }`;
export const REMOVE_FROM_COLLECTION = `mutation($c: ID!, $i: [ID!]!) { removeFromCollection(collectionId: $c, imageIds: $i) { id imageCount } }`;
export const PROVIDERS = `query { providers { id model configured enabled health circuit latencyMs successRate pricePerImageUsd modelStatus modelShutdownDate warnings }
  usage { todayUsd monthUsd reservedUsd dailyLimitUsd monthlyLimitUsd remainingTodayUsd remainingMonthUsd } }`;
export const IMAGE_DETAIL = `query($id: ID!) { image(id: $id) { ${IMAGE} edits(first: 20) { ${IMAGE} } } }`;
export const ESTIMATE_EDIT = `query($input: EditImageInput!) { estimateEdit(input: $input) { provider model usd
  alternatives { provider model usd eligible ineligibleReason } } }`;
export const EDIT_IMAGE = `mutation($input: EditImageInput!) { editImage(input: $input) { id status } }`;
