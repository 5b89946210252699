import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { del, get, post } from '../../api/client';
import type * as C from '../../../../shared/contracts/collaboration';

export type Comment = z.infer<typeof C.Comment>;
export { COMMENT_MAX } from '../../../../shared/contracts/collaboration';

export const commentsKey = (wid: string, postId: string) => ['workspaces', wid, 'posts', postId, 'comments'];

export function useComments(wid: string, postId: string) {
  return useQuery({
    queryKey: commentsKey(wid, postId),
    queryFn: () => get<{ comments: Comment[] }>(`/api/workspaces/${wid}/posts/${postId}/comments`).then((r) => r.comments),
    // a conversation: pick up the others' comments while the page is open
    refetchInterval: 30_000,
  });
}

export function useAddComment(wid: string, postId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => post<Comment>(`/api/workspaces/${wid}/posts/${postId}/comments`, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: commentsKey(wid, postId) }),
  });
}

export const deleteComment = (wid: string, postId: string, id: string) => del(`/api/workspaces/${wid}/posts/${postId}/comments/${id}`);
