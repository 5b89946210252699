import './forum.css';
import { hydrateRoot } from 'react-dom/client';
import { ForumApp } from './ForumApp';
import { readForumData, FORUM_ROOT_ID } from './embed';

// The server rendered the page; this makes it interactive with the very data it was rendered from.
const root = document.getElementById(FORUM_ROOT_ID);
const data = readForumData(document);
if (root && data) hydrateRoot(root, <ForumApp data={data} />);
